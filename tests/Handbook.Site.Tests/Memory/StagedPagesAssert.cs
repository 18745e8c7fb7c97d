namespace Handbook.Site.Tests.Memory;

using Handbook.Pipeline.Documents;
using Handbook.Site.Stages;

/// <summary>
/// The check every "staged as rendered" stage test makes: the staged run gives the same documents in the same order as
/// the run without a staging (the oracle), the pages the stage made are staged with their CSP facts and the oracle's
/// bytes, and nothing else is staged.
/// </summary>
internal static class StagedPagesAssert
{
    public static void SameAsUnstaged(IReadOnlyList<Document> plain, IReadOnlyList<Document> staged, Func<Document, bool> isMadeByTheStage)
    {
        Assert.Equal(plain.Select(d => (d.SourcePath, d.Destination)), staged.Select(d => (d.SourcePath, d.Destination)));
        foreach (var (expected, actual) in plain.Zip(staged))
        {
            var made = isMadeByTheStage(expected);
            Assert.Equal(made, actual.Staged is not null);
            Assert.Equal(made, actual.Metadata.Contains(WriteNetlifyHeaders.RecordedResources));
            Assert.Equal(expected.ToOutputBytes(), actual.ToOutputBytes());
        }
    }
}
