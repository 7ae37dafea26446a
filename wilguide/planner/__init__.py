"""The check-in planner's build side: planner.yml checked and turned into per-language data."""

from .config import PlannerConfig, load_planner_config
from .markers import DATA_FILE_NAME, MARKERS, PAGE, missing_markers
from .data import plan_data
from .render import render_form, render_noscript, render_rhythm_table

__all__ = ["DATA_FILE_NAME", "MARKERS", "PAGE", "missing_markers", "PlannerConfig", "load_planner_config", "plan_data", "render_form", "render_noscript", "render_rhythm_table"]
