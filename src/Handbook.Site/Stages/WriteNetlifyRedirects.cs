namespace Handbook.Site.Stages;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Netlify;

/// <summary>
/// Adds Netlify's <c>_redirects</c> (the job-family rules of the redirect data; see <see cref="NetlifyRedirectsFile"/>)
/// when the site has redirect data. The preview server reads the same file, so <c>preview</c> redirects as Netlify does.
/// </summary>
public sealed class WriteNetlifyRedirects(string redirectsDataPath) : WholeSetStage
{
    public override string Name => nameof(WriteNetlifyRedirects);

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        if (ReadRedirectData.Of(documents) is not { } table)
        {
            return documents;
        }

        var diagnostics = new List<Diagnostic>();
        var rules = NetlifyRedirectsFile.Rules(table, redirectsDataPath, diagnostics);
        context.Diagnostics.ReportAll(diagnostics);
        var file = new Document(NetlifyRedirectsFile.FileName, NetlifyRedirectsFile.FileName, NetlifyRedirectsFile.Render(rules), Metadata.Empty);
        return [.. documents, file];
    }
}
