namespace Handbook.Site.Preview;

/// <summary>
/// A preview rebuild was cancelled after it had published its pages, because a newer change arrived
/// (<see cref="PreviewBuild.Supersede"/>): the next rebuild makes its changes too. Not an error.
/// </summary>
public sealed class RebuildSupersededException : OperationCanceledException
{
    public RebuildSupersededException()
        : base("the rebuild was superseded by a newer change")
    {
    }

    public RebuildSupersededException(string message)
        : base(message)
    {
    }

    public RebuildSupersededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RebuildSupersededException(OperationCanceledException cancelled)
        : base("the rebuild was superseded by a newer change", cancelled)
    {
    }
}
