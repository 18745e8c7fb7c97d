namespace Handbook.JobFamilies.Kramdown;

/// <summary>Diagnostic codes of the kramdown extension (documented in README.md).</summary>
public static class KramdownCodes
{
    /// <summary>A <c>{:…}</c> line that is not a valid attribute list; dropped.</summary>
    public const string Garbled = "KD001";

    /// <summary>An unknown extension <c>{::name}</c>; dropped.</summary>
    public const string UnknownExtension = "KD002";

    /// <summary><c>{::options … /}</c>: parser options are fixed here; ignored.</summary>
    public const string OptionsIgnored = "KD003";

    /// <summary>An attribute outside the allowed set (class, id, title, lang, dir); dropped.</summary>
    public const string AttributeDropped = "KD004";

    /// <summary><c>{:toc}</c> not attached to a one-item list.</summary>
    public const string TocMisplaced = "KD005";

    /// <summary>An attribute list with nothing to attach to (blank lines around it, or after plain text).</summary>
    public const string Unattached = "KD006";

    /// <summary><c>{::comment}</c> / <c>{::nomarkdown}</c> without its closing tag.</summary>
    public const string Unclosed = "KD007";

    /// <summary>A reference to an attribute list definition that does not exist.</summary>
    public const string UnknownReference = "KD008";
}
