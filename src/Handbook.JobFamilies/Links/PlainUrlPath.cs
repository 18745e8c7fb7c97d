namespace Handbook.JobFamilies.Links;

using System.Buffers;

/// <summary>
/// Paths spelled only with what <see cref="Uri.EscapeDataString(string)"/> leaves as it is (RFC 3986 unreserved
/// characters) and the '/' between segments. Such a path is its own percent-encoding and has no escape to decode, so
/// the URL code of the link check and of the theme can take it as it is instead of splitting, escaping and joining it
/// (issue 9). One definition, so both agree on what "plain" is.
/// </summary>
public static class PlainUrlPath
{
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    private static readonly SearchValues<char> PathCharacters = SearchValues.Create(Unreserved + "/");

    private static readonly SearchValues<char> PathOrFragmentCharacters = SearchValues.Create(Unreserved + "/#");

    /// <summary>Whether <paramref name="path"/> holds only unreserved characters and '/'.</summary>
    public static bool Is(ReadOnlySpan<char> path) => path.IndexOfAnyExcept(PathCharacters) < 0;

    /// <summary>Whether <paramref name="text"/> holds only unreserved characters, '/' and '#' (the caller counts the '#').</summary>
    public static bool IsWithFragment(ReadOnlySpan<char> text) => text.IndexOfAnyExcept(PathOrFragmentCharacters) < 0;
}
