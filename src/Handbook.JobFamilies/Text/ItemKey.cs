namespace Handbook.JobFamilies.Text;

using System.Text;

/// <summary>
/// The comparison key of a bullet's text: letters and digits only, lower case, so "Own the *weekly* plan." and
/// "own the weekly plan" are the same item. Extends expansion uses it to drop duplicates; the compare-levels view uses
/// it to put the same item of two levels on one row.
/// </summary>
public static class ItemKey
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    /// <summary>True when the key of <paramref name="text"/> is not empty (it has a letter or digit), found without building it.</summary>
    public static bool HasKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
