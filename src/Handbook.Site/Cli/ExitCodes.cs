namespace Handbook.Site.Cli;

/// <summary>The process exit codes, documented in <c>--help</c> and README.md.</summary>
public static class ExitCodes
{
    /// <summary>The command did its work and reported no errors (warnings allowed).</summary>
    public const int Success = 0;

    /// <summary>The input has errors; every one was printed as a diagnostic.</summary>
    public const int ErrorsReported = 1;

    /// <summary>Bad usage: unknown command or option, missing value, or a command that is not available yet.</summary>
    public const int Usage = 2;

    /// <summary>An unexpected exception: a bug in the tool, never the way input errors surface (EX_SOFTWARE).</summary>
    public const int InternalError = 70;
}
