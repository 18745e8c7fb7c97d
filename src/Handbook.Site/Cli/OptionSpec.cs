namespace Handbook.Site.Cli;

/// <summary>
/// One option of a command: <c>--name VALUE</c> when <see cref="ValueName"/> is set, otherwise a flag.
/// <see cref="Description"/> is what <c>--help</c> prints.
/// </summary>
public sealed record OptionSpec(string Name, string? ValueName, string Description)
{
    public bool TakesValue => ValueName is not null;
}
