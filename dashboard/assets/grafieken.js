/* Draw a chart when it comes into view, not all at page load.
 *
 * Drawing one chart is one long task on the main thread (Plotly lays out the axes, measures every
 * label and draws the SVG: 50-300 ms on a laptop, four times that on a slow one), and a page has
 * up to nine. Drawn all at once, right after the page arrives, they keep the page from answering
 * a click or a key for a second or more (Lighthouse: Total Blocking Time). So dcc.Graph's call to
 * Plotly.react for a chart that has not been drawn yet waits until the chart's box is within
 * MARGE of the viewport (IntersectionObserver); the box already has its height (no layout
 * shift), its text alternative and its table. Once drawn, a chart is updated at once.
 *
 * - Printing draws every chart first (beforeprint), so a printed page is complete.
 * - window.bwmoGrafiek.teken(gd) draws a waiting chart now (the "Afbeelding" button,
 *   toegankelijkheid.js, and tests that read a chart without scrolling to it).
 * - Without IntersectionObserver, or with another Plotly than the page's, charts draw at once.
 */
(function () {
    "use strict";
    var MARGE = "300px 0px";  // start drawing a little before the chart scrolls into view

    function installeer() {
        var P = window.Plotly;
        if (!P || typeof P.react !== "function" || P.react.bwmoWacht || !("IntersectionObserver" in window)) {
            return;
        }
        var echt = P.react;
        var wachtend = new Map();  // graph div -> {args, beloftes: [{resolve, reject}]}

        function teken(gd) {
            var w = wachtend.get(gd);
            if (!w) { return Promise.resolve(gd); }
            wachtend.delete(gd);
            waarnemer.unobserve(gd);
            var uit;
            try {
                uit = Promise.resolve(echt.apply(P, w.args));
            } catch (fout) {
                uit = Promise.reject(fout);
            }
            w.beloftes.forEach(function (b) { uit.then(b.resolve, b.reject); });
            return uit;
        }

        var waarnemer = new IntersectionObserver(function (items) {
            items.forEach(function (item) {
                if (item.isIntersecting) { teken(item.target); }
            });
        }, {rootMargin: MARGE});

        function wachtendReact(gd) {
            // drawn before (a new figure for a chart on screen), or not a chart in the page: now
            if (!(gd instanceof Element) || gd._fullLayout || !gd.isConnected) {
                return echt.apply(P, arguments);
            }
            var args = Array.prototype.slice.call(arguments);
            wachtend.forEach(function (_, ander) {  // charts of a page left before they were drawn
                if (!ander.isConnected) { wachtend.delete(ander); waarnemer.unobserve(ander); }
            });
            return new Promise(function (resolve, reject) {
                var w = wachtend.get(gd);
                if (w) {
                    w.args = args;  // a newer figure before the first draw: the newest wins
                } else {
                    w = {args: args, beloftes: []};
                    wachtend.set(gd, w);
                    waarnemer.observe(gd);
                }
                w.beloftes.push({resolve: resolve, reject: reject});
            });
        }
        wachtendReact.bwmoWacht = true;
        P.react = wachtendReact;

        window.bwmoGrafiek = {
            teken: teken,
            tekenAlles: function () {
                return Promise.all(Array.from(wachtend.keys()).map(teken));
            },
            wachtend: function () { return wachtend.size; },
        };
        window.addEventListener("beforeprint", function () { window.bwmoGrafiek.tekenAlles(); });
    }

    // Dash's bundles (Plotly among them) are the scripts after this one; the first chart is drawn
    // only after the page's layout has been fetched, well after DOMContentLoaded.
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", installeer);
    } else {
        installeer();
    }
})();
