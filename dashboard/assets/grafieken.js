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

    /* Margins for the first draw, measured from the chart's own labels.
     *
     * Every axis of the template has automargin: Plotly draws the chart with the margins it is
     * given, measures its tick labels, titles and legend, and when they do not fit it widens the
     * margins and draws the whole chart again (Plots.doAutoMargin), often twice: half of the time
     * of drawing a chart went there. So before the first draw the margins are set to what the
     * labels need, measured here with the page's own font (canvas measureText) and the chart's
     * real width; Plotly then finds them fitting and draws once. automargin stays on: where this
     * estimate is short (an unusual chart, a narrow phone), Plotly still widens the margins, so a
     * label is never cut off; only the redraw comes back. A margin is only ever raised, never
     * below what the figure asked for. Charts that are not x/y charts (sankey) are left alone. */
    var LIJN = 1.25;        // Plotly's line height of a tick label, times the font size
    var canvas = null;

    function tekstBreedte(tekst, grootte, familie) {
        canvas = canvas || document.createElement("canvas").getContext("2d");
        canvas.font = grootte + "px " + familie;
        var breedste = 0;
        String(tekst).replace(/<[^>]*>/g, "").split(/<br>|\n/).forEach(function (regel) {
            breedste = Math.max(breedste, canvas.measureText(regel).width);
        });
        return breedste;
    }

    function titelVan(as) {
        var t = as && as.title;
        return (t && typeof t === "object") ? t.text : t;
    }

    function getal(x, decimalen) {  // as Plotly writes it with separators ",." (decimal comma)
        var deel = Math.abs(x).toFixed(decimalen).split(".");
        var heel = deel[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        return (x < 0 ? "\u2212" : "") + heel + (deel[1] ? "," + deel[1] : "");
    }

    // The widest tick label of a value axis over [laag, hoog]: the ends, a little beyond the data.
    function waardeLabels(as, laag, hoog) {
        var span = Math.max(hoog - laag, 1e-9);
        var ruim = [laag < 0 ? laag - 0.1 * span : laag, hoog > 0 ? hoog + 0.1 * span : hoog];
        var pct = /%/.test(as.tickformat || "");
        var pre = as.tickprefix || "", post = as.ticksuffix || "";
        return ruim.map(function (x) {
            var v = pct ? x * 100 : x;
            var dec = Math.abs(span * (pct ? 100 : 1)) < 5 ? 1 : 0;
            return pre + getal(v, dec) + (pct ? "%" : "") + post;
        });
    }

    function schatMarges(gd, data, layout) {
        var tl = (layout.template && layout.template.layout) || {};
        var font = Object.assign({}, tl.font, layout.font);
        var fs = font.size || 13, fam = font.family || "sans-serif";
        var titelFs = Math.round(fs * 1.2);
        var vraag = Object.assign({l: 80, r: 80, t: 100, b: 80}, tl.margin, layout.margin);
        var breedte = gd.clientWidth;
        if (!breedte || !data.length) { return null; }
        var assen = {};  // "x", "y", "y2" -> {cat: [labels], laag, hoog}
        function as_(id) {
            return assen[id] || (assen[id] = {cat: [], laag: 0, hoog: 0, getallen: false});
        }
        for (var i = 0; i < data.length; i++) {
            var tr = data[i], type = tr.type || "scatter";
            if (["bar", "scatter", "waterfall", "heatmap"].indexOf(type) < 0) { return null; }
            var xa = as_((tr.xaxis || "x").replace("axis", "")), ya = as_((tr.yaxis || "y").replace("axis", ""));
            var h = tr.orientation === "h";
            var cats = (h ? tr.y : tr.x) || [], waarden = (h ? tr.x : tr.y) || [];
            var catAs = h ? ya : xa, waardeAs = h ? xa : ya;
            if (type === "heatmap") {
                (tr.x || []).forEach(function (c) { xa.cat.push(String(c)); });
                (tr.y || []).forEach(function (c) { ya.cat.push(String(c)); });
                continue;
            }
            cats.forEach(function (c) { catAs.cat.push(String(c)); });
            waardeAs.getallen = true;
            var stapel = type === "bar" && /stack|relative/.test(layout.barmode || "");
            var som = waardeAs.som || (waardeAs.som = {});
            var lopend = 0;
            for (var j = 0; j < waarden.length; j++) {
                var v = Number(waarden[j]);
                if (!isFinite(v)) { continue; }
                if (type === "waterfall") {
                    lopend = (tr.measure && tr.measure[j] === "absolute") ? v : lopend + v;
                    v = lopend;
                }
                if (stapel) {
                    var k = String(cats[j]) + (v < 0 ? "-" : "+");
                    som[k] = (som[k] || 0) + v;
                    v = som[k];
                }
                waardeAs.laag = Math.min(waardeAs.laag, v);
                waardeAs.hoog = Math.max(waardeAs.hoog, v);
            }
        }
        var m = {l: vraag.l, r: vraag.r, t: vraag.t, b: vraag.b};
        function labelsVan(naam) {
            var a = assen[naam], lo = layout[naam.charAt(0) + "axis" + naam.slice(1)] || {};
            if (!a || lo.visible === false) { return null; }
            var teksten = a.getallen && !a.cat.length ? waardeLabels(lo, a.laag, a.hoog) : a.cat;
            var breedtes = teksten.map(function (t) { return tekstBreedte(t, fs, fam); });
            return {lo: lo, teksten: teksten, breedtes: breedtes, max: Math.max.apply(null, breedtes.concat([0])),
                    titel: titelVan(lo), cat: !(a.getallen && !a.cat.length)};
        }
        var y = labelsVan("y"), y2 = labelsVan("y2"), x = labelsVan("x");
        var PAD = 13;  // the tick labels' distance from the axis plus Plotly's rounding
        if (y) {
            var kant = y.lo.side === "right" ? "r" : "l";
            m[kant] = Math.max(m[kant], Math.ceil(y.max + PAD + (y.titel ? titelFs * LIJN + 4 : 0)));
        }
        if (y2) {
            m.r = Math.max(m.r, Math.ceil(y2.max + PAD + (y2.titel ? titelFs * LIJN + 4 : 0)));
        }
        if (x) {
            var lengte = Math.max(breedte - m.l - m.r, 50);
            // a value axis: Plotly aims at one tick per 80 px (4 to 9), rounded to nice steps
            var n = x.cat ? Math.max(new Set(x.teksten).size, 1) : Math.ceil((Math.min(Math.max(lengte / 80, 4), 9) + 1) * 0.8);
            var afstand = lengte / n;
            var hoek = 0;
            // Plotly's auto angle (axes.js fixLabelOverlaps): labels that overlap level are
            // turned 30 degrees, or 90 when they would still touch at 30
            if (x.max + 2 > afstand && x.lo.tickangle === undefined) {
                var maxCos = afstand / Math.sqrt(afstand * afstand + Math.pow(fs * LIJN, 2));
                hoek = Math.cos(Math.PI / 6) <= maxCos ? 30 : 90;
            }
            var rad = hoek * Math.PI / 180;
            var hoogte = hoek ? x.max * Math.sin(rad) + fs * LIJN * Math.cos(rad) + (hoek === 90 ? 16 : 4) : fs * LIJN;
            var nodig = Math.ceil(hoogte + PAD + (x.titel ? titelFs * LIJN + 2 : 0));
            var boven = x.lo.side === "top";
            m[boven ? "t" : "b"] = Math.max(m[boven ? "t" : "b"], nodig);
            var eerste = x.breedtes[0] || 0, laatste = x.breedtes[x.breedtes.length - 1] || 0;
            if (x.cat && !hoek) {  // the last label, centred on its category, may stick out right
                m.r = Math.max(m.r, Math.ceil(laatste / 2 - afstand / 2 + 6));
            } else if (x.cat && hoek === 30 && !boven) {  // turned labels run down to the right
                m.r = Math.max(m.r, Math.ceil(laatste * Math.cos(rad) + fs * LIJN * Math.sin(rad) - afstand / 2 + 16));
            } else if (x.cat && hoek === 30) {  // on top they run up to the left
                m.l = Math.max(m.l, Math.ceil(eerste * Math.cos(rad) + fs * LIJN * Math.sin(rad) - afstand / 2 + 12));
            }
        }
        // the legend above the plot (template: horizontal, at y = 1.02): one row when every
        // entry fits beside each other, else columns as wide as the widest entry
        var zichtbaar = data.filter(function (t) { return t.showlegend !== false && t.name; });
        var legenda = layout.showlegend === true || (layout.showlegend === undefined && zichtbaar.length > 1);
        if (legenda && zichtbaar.length) {
            var ruimte = breedte - m.l - m.r;
            var items = zichtbaar.map(function (t) { return 40 + tekstBreedte(t.name, fs, fam); });
            var totaal = items.reduce(function (a, b) { return a + b; }, 0);
            var rijen = totaal <= ruimte ? 1
                : Math.ceil(items.length / Math.max(1, Math.floor(ruimte / Math.max.apply(null, items))));
            var ph = (layout.height || 450) - m.t - m.b;
            m.t = Math.max(m.t, Math.ceil(rijen * 20 + 22 + 0.02 * ph));
        }
        return m;
    }

    // The arguments of Plotly.react with the estimated margins (a copy: the figure Dash holds
    // is not changed).
    function metMarges(gd, args) {
        try {
            var fig = args[1], data, layout;
            if (Array.isArray(fig)) { data = fig; layout = args[2] || {}; } else if (fig) { data = fig.data || []; layout = fig.layout || {}; } else { return args; }
            var m = schatMarges(gd, data, layout);
            if (!m) { return args; }
            var nieuw = Object.assign({}, layout, {margin: Object.assign({}, layout.margin, m)});
            var uit = args.slice();
            if (Array.isArray(fig)) { uit[2] = nieuw; } else { uit[1] = Object.assign({}, fig, {layout: nieuw}); }
            return uit;
        } catch (fout) {  // an estimate must never keep a chart from being drawn
            return args;
        }
    }

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
                uit = Promise.resolve(echt.apply(P, metMarges(gd, w.args)));
            } catch (fout) {
                uit = Promise.reject(fout);
            }
            w.beloftes.forEach(function (b) { uit.then(b.resolve, b.reject); });
            return uit;
        }

        // Charts that come into view together are drawn one per task, not all in one: between
        // two charts the browser can answer a click or a key (each task beyond 50 ms counts as
        // blocking time).
        var rij = [];
        function volgende() {
            var gd = rij.shift();
            if (gd) { teken(gd); }
            if (rij.length) { setTimeout(volgende, 0); }
        }
        var waarnemer = new IntersectionObserver(function (items) {
            items.forEach(function (item) {
                if (item.isIntersecting && rij.indexOf(item.target) < 0) {
                    rij.push(item.target);
                    if (rij.length === 1) { setTimeout(volgende, 0); }
                }
            });
        }, {rootMargin: MARGE});

        function wachtendReact(gd) {
            // drawn before (a new figure for a chart on screen), or not a chart in the page: now
            var args = Array.prototype.slice.call(arguments);
            if (!(gd instanceof Element) || gd._fullLayout || !gd.isConnected) {
                return echt.apply(P, gd instanceof Element && gd.isConnected ? metMarges(gd, args) : args);
            }
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

        // dcc.Graph calls Plots.resize right after the first draw and again when its resize
        // detector first reports the box: each is a relayout of the whole chart 100 ms later,
        // for a chart whose size has not changed. Plotly's autosize takes the size from the
        // graph div's computed style; when that is the size the chart was drawn at, there is
        // nothing to do. Any real change passes through.
        var echtResize = P.Plots && P.Plots.resize;
        if (typeof echtResize === "function") {
            P.Plots.resize = function (gd) {
                var el = typeof gd === "string" ? document.getElementById(gd) : gd;
                var fl = el && el._fullLayout;
                if (fl && el.layout) {
                    var stijl = window.getComputedStyle(el);
                    var zelfde = function (maat, getekend) { return Math.round(parseFloat(maat)) === Math.round(getekend); };
                    if (zelfde(stijl.width, fl.width) && (el.layout.height || zelfde(stijl.height, fl.height))) {
                        return Promise.resolve(el);
                    }
                }
                return echtResize.apply(this, arguments);
            };
        }

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
