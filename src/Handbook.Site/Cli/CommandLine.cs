namespace Handbook.Site.Cli;

using System.Text;

/// <summary>
/// The tool's entry: picks the command (<c>build</c> when none is named), parses its options, runs it and maps
/// every outcome to an exit code. Input problems come back as diagnostics; only a bug reaches the
/// "internal error" branch.
/// </summary>
public static class CommandLine
{
    public const string ToolName = "handbook-site";

    /// <summary>Exit code when the user interrupts the build (Ctrl+C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;

    /// <summary>The commands; the first is the default.</summary>
    public static readonly IReadOnlyList<ICommand> Commands =
        [new BuildCommand(), new CheckCommand(), new PreviewCommand(), new ImportGradesCommand()];

    public static Task<int> RunAsync(IReadOnlyList<string> args, ConsoleStreams console, CancellationToken cancellationToken = default) =>
        RunAsync(Commands, args, console, cancellationToken);

    /// <summary>Runs against a given command set (tests use it to reach the internal-error path).</summary>
    internal static async Task<int> RunAsync(IReadOnlyList<ICommand> commands, IReadOnlyList<string> args, ConsoleStreams console, CancellationToken cancellationToken)
    {
        if (args.Count > 0 && args[0] is "--help" or "-h" or "help")
        {
            console.Out.Write(ToolUsage(commands));
            return ExitCodes.Success;
        }

        var (command, rest) = Select(commands, args);
        if (command is null)
        {
            console.Error.Write($"{ToolName}: unknown command '{args[0]}'\n\n{ToolUsage(commands)}");
            return ExitCodes.Usage;
        }

        try
        {
            var arguments = ArgumentParser.Parse(command.Spec, rest);
            if (arguments.HelpRequested)
            {
                console.Out.Write(command.Spec.Usage());
                return ExitCodes.Success;
            }

            return await command.RunAsync(arguments, console, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            console.Error.Write($"{ToolName}: {e.Message}\n\n{command.Spec.Usage()}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.Write($"{ToolName}: interrupted\n");
            return Interrupted;
        }
#pragma warning disable CA1031 // The last line of defence: any exception here is a bug, reported as such with its stack.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.Error.Write($"{ToolName}: internal error (this is a bug): {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n");
            return ExitCodes.InternalError;
        }
    }

    public static string ToolUsage(IReadOnlyList<ICommand> commands)
    {
        var text = new StringBuilder();
        text.Append($"usage: {ToolName} [command] [options]\n\n");
        text.Append("Builds the handbook's job-families section into a static site.\n\ncommands:\n");
        foreach (var command in commands)
        {
            text.Append("  ").Append(command.Spec.Name.PadRight(15)).Append(' ').Append(command.Spec.Summary).Append('\n');
        }

        text.Append($"\nWith no command, '{ToolName}' runs 'build'. '{ToolName} <command> --help' lists a command's options.\n");
        text.Append(CommonOptions.ExitCodesText).Append('\n');
        return text.ToString();
    }

    private static (ICommand? Command, IReadOnlyList<string> Arguments) Select(IReadOnlyList<ICommand> commands, IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            return (commands[0], args);
        }

        return (commands.FirstOrDefault(c => c.Spec.Name == args[0]), args.Skip(1).ToList());
    }
}
