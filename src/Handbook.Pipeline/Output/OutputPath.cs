namespace Handbook.Pipeline.Output;

/// <summary>
/// Rules for a document's destination: output-relative and '/'-separated, so a stage bug can never write outside
/// the output folder (no absolute or rooted path, no <c>..</c>) and the same build gives the same tree everywhere.
/// </summary>
public static class OutputPath
{
    /// <summary>Returns why <paramref name="destination"/> is not allowed, or null when it is fine.</summary>
    public static string? Validate(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Length == 0)
        {
            return "it is empty";
        }

        if (destination.Contains('\\', StringComparison.Ordinal))
        {
            return "it contains '\\' (destinations use '/')";
        }

        if (destination.StartsWith('/') || Path.IsPathRooted(destination) || (destination.Length >= 2 && destination[1] == ':'))
        {
            return "it is absolute (destinations are relative to the output folder)";
        }

        if (destination.Any(char.IsControl))
        {
            return "it contains a control character";
        }

        foreach (var segment in destination.Split('/'))
        {
            switch (segment)
            {
                case "":
                    return "it has an empty segment ('//' or a trailing '/')";
                case ".":
                    return "it has a '.' segment";
                case "..":
                    return "it has a '..' segment, which would leave the output folder";
            }
        }

        return null;
    }

    /// <summary>The folders <paramref name="destination"/> is in, outermost first ("a/b/c.html": "a", "a/b").</summary>
    public static IEnumerable<string> FoldersOf(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        for (var slash = destination.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = destination.IndexOf('/', slash + 1))
        {
            yield return destination[..slash];
        }
    }
}
