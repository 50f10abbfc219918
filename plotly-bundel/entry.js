// The trace types the monitor draws (dashboard/levering.py TRACE_TYPES); scatter is in core.
// Built by `make plotly` into dashboard/vendor/plotly-bwmo.min.js.
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/sankey'),
    require('plotly.js/lib/waterfall'),
]);

module.exports = Plotly;
