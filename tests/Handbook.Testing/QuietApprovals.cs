namespace Handbook.Testing;

using ApprovalTests.Core;

/// <summary>
/// ApprovalTests reporter for machines without a diff tool: it does nothing, so a mismatch fails the test with
/// ApprovalTests' message and leaves the <c>.received.</c> file next to the approved one for review.
/// Use with <c>[assembly: UseReporter(typeof(QuietReporter))]</c>.
/// </summary>
public sealed class QuietReporter : IApprovalFailureReporter
{
    public void Report(string approved, string received)
    {
    }
}
