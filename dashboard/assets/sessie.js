// A session that expired (idle or absolute limit, logout elsewhere, reset password) makes the
// server answer Dash's callbacks with 401. Without this the page would silently stop updating;
// with it the user lands on the login page and comes back to the same view afterwards.
(function () {
    var fetchOrigineel = window.fetch;
    var onderweg = false;
    window.fetch = function () {
        return fetchOrigineel.apply(this, arguments).then(function (antwoord) {
            if (antwoord.status === 401 && !onderweg) {
                onderweg = true;
                var terug = window.location.pathname + window.location.search;
                window.location.assign("/login?next=" + encodeURIComponent(terug));
            }
            return antwoord;
        });
    };
})();
