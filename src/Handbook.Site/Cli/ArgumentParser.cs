namespace Handbook.Site.Cli;

/// <summary>
/// Parses <c>--name value</c>, <c>--name=value</c>, flags and positionals against a <see cref="CommandSpec"/>.
/// Anything it does not know is a <see cref="UsageException"/> (exit code 2), never silently ignored.
/// </summary>
public static class ArgumentParser
{
    public static ParsedArguments Parse(CommandSpec spec, IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var positionals = new List<string>();
        var help = false;
        var optionsEnded = false;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || arg == "-" || !arg.StartsWith('-'))
            {
                positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            if (arg is "--help" or "-h")
            {
                help = true;
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            var option = spec.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new UsageException($"unknown option '{name}' for '{spec.Name}'");

            if (!option.TakesValue)
            {
                if (equals >= 0)
                {
                    throw new UsageException($"option '{name}' takes no value");
                }

                flags.Add(name);
                continue;
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !IsOptionLike(args[i + 1]))
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"option '{name}' needs a value ({option.ValueName})");
            }

            if (value.Length == 0)
            {
                throw new UsageException($"option '{name}' needs a non-empty value ({option.ValueName})");
            }

            if (values.ContainsKey(name))
            {
                throw new UsageException($"option '{name}' is given more than once");
            }

            values[name] = value;
        }

        if (!help)
        {
            if (positionals.Count > spec.Positionals.Count)
            {
                throw new UsageException($"unexpected argument '{positionals[spec.Positionals.Count]}' for '{spec.Name}'");
            }

            if (positionals.Count < spec.Positionals.Count)
            {
                throw new UsageException($"'{spec.Name}' needs <{spec.Positionals[positionals.Count]}>");
            }
        }

        return new ParsedArguments(values, flags, positionals, help);
    }

    private static bool IsOptionLike(string arg) => arg.StartsWith("--", StringComparison.Ordinal) || arg == "-h";
}
