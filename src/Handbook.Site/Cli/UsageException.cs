namespace Handbook.Site.Cli;

/// <summary>The command line itself is wrong (exit code 2); the message says what, the command's usage follows it.</summary>
public sealed class UsageException(string message) : Exception(message);
