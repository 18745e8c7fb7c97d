namespace Handbook.Site.History.Settings;

/// <summary>Diagnostic codes of <c>input/settings.yml</c> (SET0xx).</summary>
public static class SettingsCodes
{
    /// <summary>Unknown key (warning: ignored; a typo of a known key gets a hint).</summary>
    public const string UnknownKey = "SET001";

    /// <summary>A block or value of the wrong shape (a list where a mapping belongs, …).</summary>
    public const string WrongShape = "SET002";

    /// <summary><c>history.enabled</c> is not true/false.</summary>
    public const string NotBoolean = "SET003";

    /// <summary><c>history.since</c> is not a date YYYY-MM-DD.</summary>
    public const string NotDate = "SET004";

    /// <summary><c>history.max_versions</c> is not a whole number ≥ 1.</summary>
    public const string NotPositiveInteger = "SET005";

    /// <summary><c>repository_url</c> is not an absolute http(s) URL.</summary>
    public const string NotUrl = "SET006";

    /// <summary>The file is not valid YAML, a key is repeated, or the top level is not a mapping.</summary>
    public const string InvalidYaml = "SET007";

    /// <summary><c>edit_branch</c> is not a usable git branch name.</summary>
    public const string NotBranch = "SET008";

    /// <summary><c>repository_path_prefix</c> is not a relative folder path (no <c>..</c>).</summary>
    public const string NotRelativePath = "SET009";
}
