namespace Handbook.Site.Preview;

using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;

/// <summary>
/// Serves the output folder the way Netlify does: <c>/x/</c> → <c>x/index.html</c>, <c>/x</c> → 301 to <c>/x/</c>
/// when <c>x/</c> is a folder with an index, <c>/x</c> → <c>x.html</c>, then <c>_redirects</c>, then
/// <c>404.html</c> with status 404. Only GET and HEAD; no directory listings; HTML gets the live-reload script.
/// </summary>
public sealed class StaticSiteHandler
{
    private const string IndexFile = "index.html";
    private const string NotFoundFile = "404.html";

    // Files the host reads as configuration: never served as content (Netlify does not serve them either).
    private static readonly HashSet<string> ConfigFiles = new(StringComparer.Ordinal) { NetlifyRedirects.FileName, "_headers" };

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly string _outputFolder;

    public StaticSiteHandler(string outputFolder) => _outputFolder = outputFolder;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            await WriteTextAsync(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed\n").ConfigureAwait(false);
            return;
        }

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var target = RequestTarget.Parse(raw);
        if (target is null)
        {
            await WriteTextAsync(context, StatusCodes.Status400BadRequest, "Bad request path\n").ConfigureAwait(false);
            return;
        }

        // The build swaps the folder by two renames: between them it is absent. One short retry covers that.
        var response = Respond(target);
        if (response is null)
        {
            await Task.Delay(100, context.RequestAborted).ConfigureAwait(false);
            response = Respond(target);
        }

        if (response is null)
        {
            context.Response.Headers.RetryAfter = "1";
            await WriteTextAsync(context, StatusCodes.Status503ServiceUnavailable, "The site is being rebuilt; try again\n").ConfigureAwait(false);
            return;
        }

        await response.WriteAsync(context).ConfigureAwait(false);
    }

    /// <summary>The answer for <paramref name="target"/>, read in full; null when the output folder is missing.</summary>
    private SiteResponse? Respond(RequestTarget target)
    {
        try
        {
            var root = SiteFileResolver.RealRoot(_outputFolder);
            return root is null ? null : Respond(root, target);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            return null; // the swap happened while reading
        }
        catch (UnauthorizedAccessException)
        {
            return SiteResponse.Text(403, "Forbidden\n"); // a file the preview may not read is not part of the site
        }
    }

    private static SiteResponse Respond(string root, RequestTarget target)
    {
        var redirects = NetlifyRedirects.Load(root);
        var forced = redirects.FirstOrDefault(r => r.Force && r.Match(target.Path) is not null);
        if (forced is not null)
        {
            return Apply(root, forced, target);
        }

        var page = FindPage(root, target);
        if (page is not null)
        {
            return page;
        }

        var rule = redirects.FirstOrDefault(r => r.Match(target.Path) is not null);
        return rule is not null ? Apply(root, rule, target) : NotFound(root);
    }

    private static SiteResponse? FindPage(string root, RequestTarget target)
    {
        if (target.Segments.Count > 0 && ConfigFiles.Contains(target.Segments[^1]))
        {
            return null;
        }

        var resolved = SiteFileResolver.Resolve(root, target.Segments);
        if (target.TrailingSlash || target.Segments.Count == 0)
        {
            return resolved is not null && Directory.Exists(resolved) ? FileAt(root, target.Segments.Append(IndexFile), 200) : null;
        }

        if (resolved is not null && File.Exists(resolved))
        {
            return SiteResponse.File(resolved, 200);
        }

        if (resolved is not null && Directory.Exists(resolved))
        {
            // A folder without its slash: Netlify's pretty URL sends the browser to the slashed form (relative links
            // in the page depend on it). A folder without an index is not listed.
            return SiteFileResolver.Resolve(resolved, [IndexFile]) is null ? null : SiteResponse.Redirect(301, target.Path + "/" + target.Query);
        }

        var parent = target.Segments.Take(target.Segments.Count - 1).Append(target.Segments[^1] + ".html");
        return FileAt(root, parent, 200);
    }

    private static SiteResponse Apply(string root, RedirectRule rule, RequestTarget target)
    {
        var to = rule.Match(target.Path)!;
        if (!rule.IsRewrite)
        {
            return SiteResponse.Redirect(rule.Status, to);
        }

        // A rewrite serves another page of this site at the same URL; one step only, so rules cannot loop.
        var rewritten = to.StartsWith('/') ? RequestTarget.Parse(to) : null;
        var page = rewritten is null ? null : FindPage(root, rewritten);
        if (page is null)
        {
            return NotFound(root);
        }

        return rule.Status == 404 ? page with { Status = 404 } : page;
    }

    private static SiteResponse NotFound(string root) =>
        FileAt(root, [NotFoundFile], 404) ?? SiteResponse.Text(404, "Not found\n");

    private static SiteResponse? FileAt(string root, IEnumerable<string> segments, int status)
    {
        var path = SiteFileResolver.Resolve(root, segments);
        return path is not null && File.Exists(path) ? SiteResponse.File(path, status) : null;
    }

    private static Task WriteTextAsync(HttpContext context, int status, string text) =>
        SiteResponse.Text(status, text).WriteAsync(context);

    /// <summary>What to send. Files are read in full before anything is written, so a swap mid-read never sends half a page.</summary>
    private sealed record SiteResponse(int Status, string? ContentType, byte[] Body, string? Location)
    {
        public static SiteResponse File(string path, int status)
        {
            var contentType = ContentTypeOf(path);
            var body = System.IO.File.ReadAllBytes(path);
            if (contentType.StartsWith("text/html", StringComparison.Ordinal))
            {
                body = LiveReloadScript.InjectInto(body);
            }

            return new SiteResponse(status, contentType, body, null);
        }

        public static SiteResponse Redirect(int status, string location) => new(status, null, [], location);

        public static SiteResponse Text(int status, string text) => new(status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text), null);

        public async Task WriteAsync(HttpContext context)
        {
            var response = context.Response;
            response.StatusCode = Status;
            response.Headers.CacheControl = "no-store"; // a preview must always show the latest build
            response.Headers.XContentTypeOptions = "nosniff";
            if (Location is not null)
            {
                response.Headers.Location = Location;
            }

            if (ContentType is not null)
            {
                response.ContentType = ContentType;
            }

            response.ContentLength = Body.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await response.Body.WriteAsync(Body, context.RequestAborted).ConfigureAwait(false);
            }
        }

        private static string ContentTypeOf(string path)
        {
            if (!ContentTypes.TryGetContentType(path, out var type))
            {
                return "application/octet-stream";
            }

            var textual = type.StartsWith("text/", StringComparison.Ordinal) ||
                type is "application/javascript" or "application/json" or "application/xml" or "image/svg+xml" or "application/manifest+json";
            return textual ? type + "; charset=utf-8" : type;
        }
    }
}
