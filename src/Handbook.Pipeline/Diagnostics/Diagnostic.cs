namespace Handbook.Pipeline.Diagnostics;

/// <summary>
/// One finding about the input. Formatted as <c>path:line:col: severity CODE: message</c>, with the hint
/// (nearest grade, "did you mean …") on an indented second line.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation Location, string? Hint = null)
{
    public static Diagnostic Error(string code, string message, SourceLocation location, string? hint = null) =>
        new(Severity.Error, code, message, location, hint);

    public static Diagnostic Warning(string code, string message, SourceLocation location, string? hint = null) =>
        new(Severity.Warning, code, message, location, hint);

    /// <summary>
    /// Extra detail for developers, e.g. the stack trace of an internal error. Not part of <see cref="Format"/>:
    /// the app shows it under <c>--verbose</c>, so normal output stays short and stable.
    /// </summary>
    public string? Detail { get; init; }

    public string SeverityText => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    public string Format() =>
        Hint is null
            ? $"{Location}: {SeverityText} {Code}: {Message}"
            : $"{Location}: {SeverityText} {Code}: {Message}\n  hint: {Hint}";

    public override string ToString() => Format();
}
