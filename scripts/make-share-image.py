"""Draw docs/assets/images/share.png, the picture a chat or an e-mail shows beside a link to the
guide (Open Graph, overrides/main.html). Both languages share it, so it names the guide in both.
Run it again after changing the logo or the names:  .venv/bin/python scripts/make-share-image.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "assets" / "images" / "share.png"
WIDTH, HEIGHT = 1200, 630  # the size Open Graph readers expect for a large card
TEAL, WHITE, LIGHT = "#0b5563", "#ffffff", "#cfe9ee"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def draw_people(draw: ImageDraw.ImageDraw, x: int, y: int, scale: float) -> None:
    """The logo's two figures (docs/assets/images/logo.svg), drawn with circles and rounded boxes."""
    def circle(cx, cy, r):
        draw.ellipse([x + (cx - r) * scale, y + (cy - r) * scale, x + (cx + r) * scale, y + (cy + r) * scale], fill=WHITE)

    def body(left, top, right, bottom):
        draw.rounded_rectangle([x + left * scale, y + top * scale, x + right * scale, y + bottom * scale],
                               radius=int(3 * scale), fill=WHITE)

    circle(8, 6, 3)
    body(2, 13, 14, 21)
    circle(16, 8.5, 2.5)
    body(15.5, 14.5, 21, 21)


def main() -> None:
    image = Image.new("RGB", (WIDTH, HEIGHT), TEAL)
    draw = ImageDraw.Draw(image)
    draw_people(draw, 70, 190, 9)
    title, subtitle = ImageFont.truetype(BOLD, 56), ImageFont.truetype(REGULAR, 34)
    draw.text((330, 190), "Guide de mentorat en AIT", font=title, fill=WHITE)
    draw.text((330, 275), "WIL Mentoring Guide", font=title, fill=WHITE)
    draw.text((330, 385), "Apprentissage intégré au travail", font=subtitle, fill=LIGHT)
    draw.text((330, 435), "Work-integrated learning · Canada", font=subtitle, fill=LIGHT)
    image.save(TARGET, optimize=True)
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
