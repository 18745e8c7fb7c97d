namespace Handbook.Site.Stages;

using Handbook.JobFamilies.Redirects;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Reads the redirect data file once (REDIR001–REDIR007 for bad entries) and attaches the table to the file's
/// document (<see cref="SiteKeys.Redirects"/>) for <c>CheckLinks</c> and <c>WriteNetlifyRedirects</c>. The file is
/// optional: without it links are checked against the pages alone and no <c>_redirects</c> is written.
/// </summary>
public sealed class ReadRedirectData(string redirectsDataPath) : WholeSetStage
{
    public override string Name => nameof(ReadRedirectData);

    /// <summary>The table attached by this stage, or null when the site has no redirect data.</summary>
    public static RedirectTable? Of(IEnumerable<Document> documents) =>
        documents.Select(d => d.TryGet(SiteKeys.Redirects, out var table) ? table : null).OfType<RedirectTable>().FirstOrDefault();

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        var data = documents.FirstOrDefault(d => string.Equals(d.SourcePath, redirectsDataPath, StringComparison.Ordinal) && !d.IsBinary);
        if (data is null)
        {
            return documents;
        }

        var diagnostics = new List<Diagnostic>();
        var table = RedirectDataReader.Read(data.SourcePath, data.Content, diagnostics);
        context.Diagnostics.ReportAll(diagnostics);
        return documents.Select(d => ReferenceEquals(d, data) ? d.With(SiteKeys.Redirects, table) : d).ToList();
    }
}
