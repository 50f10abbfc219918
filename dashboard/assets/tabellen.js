/* The table alternative of a chart is rendered when 'Toon als tabel' is first opened
 * (dashboard/components/visual.py tabel_alternatief): its components come from the dcc.Store
 * beside it, as the server built and published them. Later clicks change nothing. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
    bwmo: Object.assign({}, (window.dash_clientside || {}).bwmo, {
        tabelOpenen: function (klikken, tabel, huidig) {
            if (!klikken || huidig) { return window.dash_clientside.no_update; }
            return tabel;
        },
    }),
});
