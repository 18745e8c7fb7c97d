namespace Handbook.Site.Security;

using System.Text;

/// <summary>
/// The <c>_headers</c> file Netlify reads from the publish folder: one rule for every path (<c>/*</c>) with the
/// Content-Security-Policy, <c>X-Content-Type-Options: nosniff</c> (files are served only as their declared type) and
/// <c>Referrer-Policy: strict-origin-when-cross-origin</c> (other sites see only the origin, never the page path;
/// YouTube embeds need at least the origin to play).
/// </summary>
public static class SecurityHeaders
{
    public const string FileName = "_headers";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public static string File(string contentSecurityPolicy)
    {
        var text = new StringBuilder();
        text.Append("# Written by handbook-site (stage WriteNetlifyHeaders); see README.md \"Publishing on Netlify\".\n");
        text.Append("# The Content-Security-Policy allows what the built pages load and nothing more.\n");
        text.Append("/*\n");
        text.Append("  Content-Security-Policy: ").Append(contentSecurityPolicy).Append('\n');
        text.Append("  X-Content-Type-Options: nosniff\n");
        text.Append("  Referrer-Policy: ").Append(ReferrerPolicy).Append('\n');
        return text.ToString();
    }
}
