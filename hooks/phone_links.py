"""Make the phone numbers in each page callable, on one line (wilguide/phone_links.py)."""

from wilguide.phone_links import link_phone_numbers


def on_page_content(html, page, config, files):
    return link_phone_numbers(html)
