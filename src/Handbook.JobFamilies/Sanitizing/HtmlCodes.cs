namespace Handbook.JobFamilies.Sanitizing;

/// <summary>Diagnostic codes of the sanitization policy (documented in README.md).</summary>
public static class HtmlCodes
{
    /// <summary>A dangerous element (script, style, object, embed, form, base, meta, svg…) removed with its content.</summary>
    public const string DangerousElement = "HTML001";

    /// <summary>An event handler (<c>on…</c>) or other script attribute (<c>srcdoc</c>, <c>formaction</c>) removed.</summary>
    public const string ScriptAttribute = "HTML002";

    /// <summary>A link or source URL with a scheme other than http, https, mailto (javascript:, vbscript:, data:…) removed.</summary>
    public const string UnsafeUrl = "HTML003";

    /// <summary>An iframe whose source is not on the allow-list, removed.</summary>
    public const string IframeNotAllowed = "HTML004";

    /// <summary>Something that looks like a tag but is no HTML element (<c>&lt;Speciality&gt;</c>): shown as text.</summary>
    public const string StrayTag = "HTML005";

    /// <summary>A real HTML element outside the allowed set (font, center, video…): the tag is dropped, its text kept.</summary>
    public const string TagNotAllowed = "HTML006";

    /// <summary>A <c>style</c> attribute that could run script or load a resource, removed.</summary>
    public const string UnsafeStyle = "HTML007";
}
