namespace Handbook.Site.Cli;

/// <summary>A sub-command of the tool. <see cref="RunAsync"/> gets arguments already parsed against <see cref="Spec"/>.</summary>
public interface ICommand
{
    CommandSpec Spec { get; }

    Task<int> RunAsync(ParsedArguments arguments, ConsoleStreams console, CancellationToken cancellationToken);
}
