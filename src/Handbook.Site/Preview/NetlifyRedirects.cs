namespace Handbook.Site.Preview;

using System.Globalization;

/// <summary>
/// Reads a Netlify <c>_redirects</c> file (the one the build writes into the output folder). Lines the preview
/// cannot honour (conditions, placeholders other than the splat, unknown statuses) are skipped: the preview
/// approximates Netlify, it does not validate the file (the build does that).
/// </summary>
public static class NetlifyRedirects
{
    public const string FileName = "_redirects";

    public static IReadOnlyList<RedirectRule> Load(string realRoot)
    {
        var path = Path.Combine(realRoot, FileName);
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path)) : [];
        }
        catch (IOException)
        {
            return []; // the folder is being swapped; the next request reads the new file
        }
    }

    public static IReadOnlyList<RedirectRule> Parse(string text)
    {
        var rules = new List<RedirectRule>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || fields[0][0] != '/')
            {
                continue;
            }

            var status = 301;
            var force = false;
            if (fields.Length >= 3)
            {
                var statusText = fields[2];
                force = statusText.EndsWith('!');
                if (!int.TryParse(statusText.TrimEnd('!'), NumberStyles.None, CultureInfo.InvariantCulture, out status))
                {
                    continue; // query or condition fields: not supported by the preview
                }
            }

            if (status is not (200 or 301 or 302 or 303 or 307 or 308 or 404))
            {
                continue;
            }

            rules.Add(new RedirectRule(fields[0], fields[1], status, force));
        }

        return rules;
    }
}
