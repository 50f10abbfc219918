// A session that expired (idle or absolute limit, logout elsewhere, reset password) makes the
// server answer Dash's callbacks with 401. Without this the page would silently stop updating;
// with it the user lands on the login page and comes back to the same view afterwards.
//
// Two minutes before the idle limit (#sessie-waarschuwing data-minuten, from the server's
// settings) a warning with "Blijf ingelogd" appears (WCAG 2.2.1, timing adjustable). Every
// answered request counts as activity, in every tab of this site (localStorage), as it does on
// the server. The server records activity at most every 30 s (dashboard/auth/guard.py), so the
// expected end is counted from 30 s before the last request: the warning comes early, never late.
(function () {
    var fetchOrigineel = window.fetch;
    var onderweg = false;
    var SLEUTEL = "bwmo-laatste-verzoek";
    var MARGE_MS = 30 * 1000, VOORAF_MS = 2 * 60 * 1000;
    var laatsteHier = Date.now();

    function naarLogin() {
        if (onderweg) { return; }
        onderweg = true;
        var terug = window.location.pathname + window.location.search;
        window.location.assign("/login?next=" + encodeURIComponent(terug));
    }

    function markeer() {
        laatsteHier = Date.now();
        try { window.localStorage.setItem(SLEUTEL, String(laatsteHier)); } catch (e) { /* private mode */ }
    }

    function laatste() {
        var elders = 0;
        try { elders = Number(window.localStorage.getItem(SLEUTEL)) || 0; } catch (e) { /* private mode */ }
        return Math.max(laatsteHier, elders);
    }

    window.fetch = function () {
        return fetchOrigineel.apply(this, arguments).then(function (antwoord) {
            if (antwoord.status === 401) {
                naarLogin();
            } else {
                markeer();
            }
            return antwoord;
        });
    };

    var vorigeFocus = null;

    function tekst(ms) {
        var s = Math.max(0, Math.round(ms / 1000));
        var m = Math.floor(s / 60), r = s % 60;
        var delen = [];
        if (m) { delen.push(m + (m === 1 ? " minuut" : " minuten")); }
        if (r || !m) { delen.push(r + (r === 1 ? " seconde" : " seconden")); }
        return delen.join(" en ");
    }

    function tik() {
        var venster = document.getElementById("sessie-waarschuwing");
        if (!venster) { return; }
        var minuten = Number(venster.getAttribute("data-minuten")) || 30;
        var einde = laatste() + minuten * 60 * 1000 - MARGE_MS;
        var nu = Date.now();
        if (nu >= einde) {
            naarLogin();
        } else if (nu >= einde - VOORAF_MS) {
            document.getElementById("sessie-resterend").textContent = tekst(einde - nu);
            if (venster.hidden) {
                vorigeFocus = document.activeElement;
                venster.hidden = false;
                document.getElementById("sessie-blijf").focus();
            }
        } else if (!venster.hidden) {  // activity here or in another tab
            sluit(venster);
        }
    }

    function sluit(venster) {
        venster.hidden = true;
        if (vorigeFocus && document.contains(vorigeFocus)) { vorigeFocus.focus(); }
        vorigeFocus = null;
    }

    document.addEventListener("click", function (e) {
        if (!e.target.closest || !e.target.closest("#sessie-blijf")) { return; }
        window.fetch("/sessie/verleng", {method: "POST", credentials: "same-origin"}).then(function (a) {
            var venster = document.getElementById("sessie-waarschuwing");
            if (a.ok && venster) { sluit(venster); }
        });
    });

    markeer();
    window.setInterval(tik, 5000);
})();
