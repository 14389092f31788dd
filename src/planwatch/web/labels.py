"""Chinese labels the web pages show, as data: lights, item kinds, stages, cycles, roll-ups.

Kept in one table so the dashboard, the item pages and the filters never spell a label two
ways; the status engine's own ``state`` and ``explanation`` texts are shown as they come.
"""

from __future__ import annotations

from planwatch.monitor.wording import CYCLE_LABELS, KIND_LABELS, LIGHT_LABELS, Light
from planwatch.plan.model import PROJECT_STAGE_LABELS, QUALIFIER_WORDS, TargetMeasure

#: what each light tells a reader, beside the engine's own label (绿灯 …).
LIGHT_MEANINGS: dict[Light, str] = {
    Light.GREEN: "正常推进",
    Light.YELLOW: "需要关注",
    Light.RED: "明显滞后",
    Light.GREY: "暂无数据",
}

#: light → (label, meaning), in the order tiles and bars show them.
LIGHTS: dict[str, tuple[str, str]] = {
    light.value: (LIGHT_LABELS[light], LIGHT_MEANINGS[light]) for light in LIGHT_MEANINGS
}

#: worst first: how the item list orders "按灯色" (alerts keep the engine's own order).
LIGHT_SEVERITY: dict[str, int] = {"red": 0, "yellow": 1, "grey": 2, "green": 3}

KINDS: dict[str, str] = {kind.value: label for kind, label in KIND_LABELS.items()}

STAGES: dict[str, str] = {stage.value: label for stage, label in PROJECT_STAGE_LABELS.items()}

CYCLES: dict[str, str] = {cycle.value: label for cycle, label in CYCLE_LABELS.items()}

MEASURES: dict[str, str] = {
    TargetMeasure.GROWTH.value: "增长",
    TargetMeasure.LEVEL.value: "总量",
    TargetMeasure.RATIO.value: "比率",
}

QUALIFIERS: dict[str, str] = {qualifier.value: word for qualifier, word in QUALIFIER_WORDS.items()}

#: roll-up dimension → heading of its table / column.
ROLLUPS: dict[str, str] = {
    "work_area": "工作领域",
    "owner_unit": "责任单位",
    "district": "区县",
}

#: sortable columns of the item list → header label.
ITEM_SORTS: dict[str, str] = {
    "code": "编号",
    "name": "名称",
    "kind": "类别",
    "light": "灯色",
    "completion": "完成率",
    "gap": "与时序进度差",
    "unit": "责任单位",
    "last_report": "最近报送",
}
