namespace Handbook.Site.Compare;

using Handbook.JobFamilies.Text;

/// <summary>
/// Compares bullet texts by their comparison key (<see cref="ItemKey.Of"/>: letters and digits, lower case) without
/// making the key: two texts are equal here exactly when their keys are equal strings, and equal texts hash alike.
/// The compare pages match every bullet of every level this way; making each key string first was a third of what
/// they allocated (issue 9).
/// </summary>
public sealed class ItemKeyComparer : IEqualityComparer<string>
{
    public static readonly ItemKeyComparer Instance = new();

    private ItemKeyComparer()
    {
    }

    /// <summary>True when the text has a letter or digit, i.e. its key is not empty.</summary>
    public static bool HasKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NextKeyChar(text, 0) < text.Length;
    }

    public bool Equals(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        int i = NextKeyChar(x, 0), j = NextKeyChar(y, 0);
        while (i < x.Length && j < y.Length)
        {
            if (char.ToLowerInvariant(x[i]) != char.ToLowerInvariant(y[j]))
            {
                return false;
            }

            i = NextKeyChar(x, i + 1);
            j = NextKeyChar(y, j + 1);
        }

        return i >= x.Length && j >= y.Length;
    }

    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        for (var i = NextKeyChar(obj, 0); i < obj.Length; i = NextKeyChar(obj, i + 1))
        {
            hash.Add(char.ToLowerInvariant(obj[i]));
        }

        return hash.ToHashCode();
    }

    // The same characters ItemKey.Of keeps (it tests each UTF-16 unit on its own, as this does).
    private static int NextKeyChar(string text, int from)
    {
        while (from < text.Length && !char.IsLetterOrDigit(text[from]))
        {
            from++;
        }

        return from;
    }
}
