"""Make the phone numbers in each page callable, on one line (wilguide/phone_links.py)."""

from wilguide.phone_links import PhoneLinksExtension


def on_config(config):
    # MkDocs makes each page's Markdown converter from this list (the nested English build too).
    if not any(isinstance(extension, PhoneLinksExtension) for extension in config.markdown_extensions):
        config.markdown_extensions.append(PhoneLinksExtension())
    return config
