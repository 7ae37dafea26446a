"""Valid, named markup from Material's templates on every page (see wilguide/theme_markup.py)."""

from wilguide.theme_markup import repair_theme_markup


def on_post_page(output, page, config):
    return repair_theme_markup(output)


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):  # 404.html; not sitemap.xml
        return output_content
    return repair_theme_markup(output_content)
