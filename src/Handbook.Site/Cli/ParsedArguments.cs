namespace Handbook.Site.Cli;

/// <summary>The result of parsing a command's arguments against its <see cref="CommandSpec"/>.</summary>
public sealed class ParsedArguments(IReadOnlyDictionary<string, string> values, IReadOnlySet<string> flags, IReadOnlyList<string> positionals, bool helpRequested)
{
    public bool HelpRequested { get; } = helpRequested;

    public IReadOnlyList<string> Positionals { get; } = positionals;

    public string? Value(string option) => values.TryGetValue(option, out var v) ? v : null;

    public bool Flag(string option) => flags.Contains(option);
}
