namespace Handbook.Site.Cli;

using System.Text;

/// <summary>
/// The declared shape of a command: its options and positional arguments. Parsing and the help text are both
/// derived from it, so help can never forget an option.
/// </summary>
public sealed record CommandSpec(string Name, string Summary, IReadOnlyList<OptionSpec> Options, IReadOnlyList<string> Positionals, string? Details = null)
{
    public static readonly OptionSpec Help = new("--help", null, "show this help (also -h)");

    public string Usage()
    {
        var text = new StringBuilder();
        var positionals = string.Concat(Positionals.Select(p => $" <{p}>"));
        text.Append("usage: handbook-site ").Append(Name).Append(positionals).Append(" [options]\n\n");
        text.Append(Summary).Append("\n\noptions:\n");
        foreach (var option in Options.Append(Help))
        {
            var left = option.TakesValue ? $"{option.Name} {option.ValueName}" : option.Name;
            text.Append("  ").Append(left.PadRight(22)).Append(' ').Append(option.Description).Append('\n');
        }

        if (Details is not null)
        {
            text.Append('\n').Append(Details).Append('\n');
        }

        return text.ToString();
    }
}
