// Accessibility fixes that Dash 4's own components do not offer as props (WCAG 2.1 AA; the axe
// test in tests/e2e/test_e2e_toegankelijkheid.py guards each one). Everything here only sets
// ARIA attributes, tab order and focus; no data passes through it.
//
// 1. dcc.Dropdown renders a hidden <input aria-hidden="true" tabindex="0"> (a Safari workaround)
//    in front of its button, which has tabindex="-1" and is named by its value only ("jul 2024,
//    knop"). The input leaves the Tab order, the button joins it, and the button is named by its
//    visible label first ("Van jul 2024"): layout.py gives every label the id "<id>-label"
//    (a chart's selection dropdown names its label in data-label: components/visual.py).
// 2. dcc.RadioItems renders a role="listbox" of role="option" labels around native radio
//    buttons, without a name. It becomes a named role="radiogroup" of plain radio buttons.
// 3. The active navigation link gets aria-current="page".
// 4. After a page change focus moves to the new page's h1 and the title is announced.
// 5. The "Afbeelding" button of a chart downloads it as PNG (the Plotly toolbar is off).
(function () {
    "use strict";

    function zet(el, naam, waarde) {  // only when different: the observer below must settle
        if (waarde === null) {
            if (el.hasAttribute(naam)) { el.removeAttribute(naam); }
        } else if (el.getAttribute(naam) !== waarde) {
            el.setAttribute(naam, waarde);
        }
    }

    function keuzelijsten(wortel) {
        wortel.querySelectorAll(".dash-dropdown-wrapper").forEach(function (omhulsel) {
            var doel = omhulsel.querySelector("input.dash-dropdown-focus-target");
            var knop = omhulsel.querySelector("button.dash-dropdown");
            if (doel) { zet(doel, "tabindex", "-1"); }
            if (!knop || !knop.id) { return; }
            if (!knop.disabled) { zet(knop, "tabindex", "0"); }
            // "<id>-label", or for a pattern-matching id (a JSON string) the box's data-label
            var houder = omhulsel.closest("[data-label]");
            var label = document.getElementById(knop.id + "-label") ? knop.id + "-label"
                : (houder ? houder.getAttribute("data-label") : null);
            if (label) {
                zet(knop, "aria-labelledby", label + " " + knop.id + "-value-count " + knop.id + "-value");
            }
        });
    }

    function keuzerondjes(wortel) {
        wortel.querySelectorAll(".dash-radioitems").forEach(function (groep) {
            zet(groep, "role", "radiogroup");
            if (groep.id && document.getElementById(groep.id + "-label")) {
                zet(groep, "aria-labelledby", groep.id + "-label");
            }
            groep.querySelectorAll("label.dash-options-list-option").forEach(function (optie) {
                zet(optie, "role", null);
                zet(optie, "aria-selected", null);
            });
        });
    }

    function actieveLink(wortel) {
        wortel.querySelectorAll(".nav a.nav-link").forEach(function (a) {
            zet(a, "aria-current", a.classList.contains("actief") ? "page" : null);
        });
    }

    var vorigPad = window.location.pathname, vorigeKop = null, vorigeTekst = null;

    function paginaWissel() {
        var kop = document.querySelector("#inhoud h1");
        if (window.location.pathname === vorigPad) {  // same page (or a filter change): remember its h1
            vorigeKop = kop;
            vorigeTekst = kop ? kop.textContent : null;
            return;
        }
        // the path changed; wait until the new page's h1 is there (React may reuse the element)
        if (!kop || (kop === vorigeKop && kop.textContent === vorigeTekst)) { return; }
        vorigPad = window.location.pathname;
        vorigeKop = kop;
        vorigeTekst = kop.textContent;
        zet(kop, "tabindex", "-1");
        kop.focus();
        var melding = document.getElementById("paginamelding");
        if (melding) {  // emptied first, so the same title twice is announced twice
            melding.textContent = "";
            window.setTimeout(function () { melding.textContent = "Pagina " + kop.textContent; }, 50);
        }
    }

    var bezig = false;
    function herstel() {
        if (bezig) { return; }
        bezig = true;
        try {
            keuzelijsten(document);
            keuzerondjes(document);
            actieveLink(document);
            paginaWissel();
        } finally {
            bezig = false;
        }
    }

    var waarnemer = new MutationObserver(herstel);
    function start() {
        waarnemer.observe(document.body, {
            childList: true, subtree: true, attributes: true,
            attributeFilter: ["tabindex", "aria-labelledby", "role", "aria-selected", "class"]});
        herstel();
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }

    document.addEventListener("click", function (e) {
        var knop = e.target.closest ? e.target.closest("button[data-afbeelding]") : null;
        if (!knop || !window.Plotly) { return; }
        var id = knop.getAttribute("data-afbeelding");
        var vak = document.getElementById("visual-" + id);
        var grafiek = vak ? vak.querySelector(".js-plotly-plot") : null;
        if (grafiek) {
            // a chart not yet scrolled into view is drawn first (grafieken.js)
            var getekend = window.bwmoGrafiek ? window.bwmoGrafiek.teken(grafiek) : Promise.resolve();
            getekend.then(function () {
                window.Plotly.downloadImage(grafiek, {format: "png", filename: "bwmo-grafiek-" + id});
            });
        }
    });
})();
