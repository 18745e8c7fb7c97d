namespace Handbook.Site.Preview;

/// <summary>
/// One line of a Netlify <c>_redirects</c> file: <c>from to [status][!]</c>. <see cref="From"/> may end in <c>*</c>
/// (the rest of the path becomes <c>:splat</c> in <see cref="To"/>). Status 200 is a rewrite (the target's content is
/// served at the original URL); <see cref="Force"/> (<c>301!</c>) applies the rule even when a file exists at the path.
/// </summary>
public sealed record RedirectRule(string From, string To, int Status, bool Force)
{
    public bool IsRewrite => Status is 200 or 404;

    /// <summary>The target for <paramref name="path"/>, or null when the rule does not apply. Paths compare without a
    /// trailing slash, as Netlify does (<c>/a</c> and <c>/a/</c> are one rule).</summary>
    public string? Match(string path)
    {
        if (From.EndsWith('*'))
        {
            var prefix = From[..^1];
            if (!path.StartsWith(prefix, StringComparison.Ordinal) && Trim(path) + "/" != prefix)
            {
                return null;
            }

            var splat = path.Length > prefix.Length ? path[prefix.Length..] : string.Empty;
            return To.Replace(":splat", splat, StringComparison.Ordinal);
        }

        return Trim(path) == Trim(From) ? To : null;
    }

    private static string Trim(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
