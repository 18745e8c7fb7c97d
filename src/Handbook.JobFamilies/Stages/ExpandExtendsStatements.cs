namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Incremental;
using Handbook.Pipeline.Stages;

/// <summary>
/// Resolves every "extends" statement across all pages and copies the inherited bullets into the extending roles
/// (<see cref="ExpandExtends"/>); needs the whole set because statements may point at other pages. Each page
/// declares a dependency on the pages it inherits from (transitively), from <see cref="ParseJobFamilies"/> on because
/// expansion edits the parsed page in place: when one of them changes, the page is parsed and expanded again.
/// In an incremental run only the pages to recompute are expanded; the others are only read.
/// </summary>
/// <param name="statements">The statements already found on the trees this stage expands (<see cref="FoundStatementsMemo"/>),
/// or null (the plugin's stage: it runs again on changed trees, so it remembers nothing across runs). Only for one
/// run over trees nothing changed since the memo found them: a historic batch whose linked pages are all reached
/// found every page's statements to list them.</param>
public sealed class ExpandExtendsStatements(FoundStatementsMemo? statements = null) : WholeSetStage
{
    public override string Name => nameof(ExpandExtendsStatements);

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        var families = new List<JobFamily>();
        var owners = new HashSet<JobFamily>(ReferenceEqualityComparer.Instance);
        foreach (var document in documents)
        {
            if (document.TryGet(JobFamilyKeys.Family, out var family))
            {
                families.Add(family);
                if (context.MustProcess(document))
                {
                    owners.Add(family);
                }
            }
        }

        if (owners.Count == 0)
        {
            return documents;
        }

        var resolution = new ExpandExtends(new FamilyLookup(families), statements: statements).Run(families, context.Diagnostics, context.Incremental is null ? null : owners);
        return DeclareSources(documents, owners, resolution);
    }

    /// <summary>
    /// The documents, each of <paramref name="owners"/> declaring a dependency on the pages it inherits from
    /// (transitively) as <paramref name="resolution"/> resolved them: what this stage hands on after expanding.
    /// </summary>
    internal static IReadOnlyList<Document> DeclareSources(IReadOnlyList<Document> documents, IReadOnlySet<JobFamily> owners, ExtendsResolution resolution)
    {
        var sources = Sources(resolution);
        return documents
            .Select(d => d.TryGet(JobFamilyKeys.Family, out var family) && owners.Contains(family)
                ? d.DependsOn(Reachable(family, sources).Select(f => f.SourcePath), nameof(ParseJobFamilies))
                : d)
            .ToList();
    }

    /// <summary>Family → the families its statements resolved to.</summary>
    private static Dictionary<JobFamily, HashSet<JobFamily>> Sources(ExtendsResolution resolution)
    {
        var sources = new Dictionary<JobFamily, HashSet<JobFamily>>(ReferenceEqualityComparer.Instance);
        foreach (var statement in resolution.Resolved)
        {
            if (!sources.TryGetValue(statement.Owner.Family, out var targets))
            {
                targets = new HashSet<JobFamily>(ReferenceEqualityComparer.Instance);
                sources[statement.Owner.Family] = targets;
            }

            targets.UnionWith(statement.Targets.Select(t => t.Family));
        }

        return sources;
    }

    /// <summary>The families <paramref name="family"/> inherits from, directly or through others (not itself).</summary>
    private static IEnumerable<JobFamily> Reachable(JobFamily family, Dictionary<JobFamily, HashSet<JobFamily>> sources)
    {
        var seen = new HashSet<JobFamily>(ReferenceEqualityComparer.Instance) { family };
        var pending = new Stack<JobFamily>([family]);
        while (pending.TryPop(out var next))
        {
            foreach (var target in sources.GetValueOrDefault(next) ?? [])
            {
                if (seen.Add(target))
                {
                    pending.Push(target);
                    yield return target;
                }
            }
        }
    }
}
