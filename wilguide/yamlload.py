"""PyYAML's safe loader, in its C version (libyaml) when PyYAML has it, as its wheels do.

Every build reads the front matter of every page several times and the data files once per
language: the pure-Python parser was a visible share of a rebuild. Both versions parse the same
YAML and place errors on the same line; libyaml words some problems differently.
"""

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    """Like yaml.safe_load. Raises yaml.YAMLError."""
    return yaml.load(text, Loader=SafeLoader)
