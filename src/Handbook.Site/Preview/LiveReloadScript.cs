namespace Handbook.Site.Preview;

using System.Text;

/// <summary>
/// The script the preview adds to HTML responses (never to the files on disk). It listens to
/// <c>/__preview/events</c>, reloads when an event names this page (or <c>*</c>), and shows the build's
/// diagnostics in an overlay. Diagnostic text goes in with <c>textContent</c> only: a message quoting the
/// author's HTML must never become markup.
/// </summary>
public static class LiveReloadScript
{
    public const string EventsPath = "/__preview/events";

    public const string StatusPath = "/__preview/status";

    public const string Marker = "data-handbook-preview";

    public const string Tag = "<script " + Marker + ">" + Body + "</script>";

    // Kept free of "</" so the inline <script> cannot be closed early.
    private const string Body = """
(function () {
  if (!window.EventSource) { return; }
  var events = new EventSource('/__preview/events');
  function canonical(p) { return p.replace(/index\.html$/, '').replace(/\.html$/, '/').replace(/\/?$/, '/'); }
  function isThisPage(url) { return url === '*' || canonical(url) === canonical(location.pathname); }
  events.addEventListener('reload', function (e) {
    var data = JSON.parse(e.data);
    if (data.urls.some(isThisPage)) { location.reload(); }
  });
  var overlay = null;
  function hide() { if (overlay) { overlay.remove(); overlay = null; } }
  function show(errors) {
    hide();
    if (!errors.length) { return; }
    overlay = document.createElement('div');
    overlay.id = 'handbook-preview-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 monospace;padding:2em';
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.style.cssText = 'float:right';
    close.addEventListener('click', hide);
    overlay.appendChild(close);
    var title = document.createElement('h2');
    title.textContent = 'The build reported ' + errors.length + ' problem' + (errors.length === 1 ? '' : 's');
    overlay.appendChild(title);
    errors.forEach(function (d) {
      var row = document.createElement('pre');
      row.style.cssText = 'white-space:pre-wrap;margin:0 0 1em;color:' + (d.severity === 'error' ? '#ff8a80' : '#ffd180');
      row.textContent = d.path + ':' + d.line + ':' + d.column + ': ' + d.severity + ' ' + d.code + ': ' + d.message + (d.hint ? '\n  hint: ' + d.hint : '');
      overlay.appendChild(row);
    });
    document.body.appendChild(overlay);
  }
  events.addEventListener('errors', function (e) { show(JSON.parse(e.data).errors); });
  events.addEventListener('clear', hide);
})();
""";

    /// <summary>The page with the script before its last <c>&lt;/body&gt;</c> (or at the end when it has none).</summary>
    public static byte[] InjectInto(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var injected = at < 0 ? text + Tag : string.Concat(text.AsSpan(0, at), Tag, text.AsSpan(at));
        return Encoding.UTF8.GetBytes(injected);
    }
}
