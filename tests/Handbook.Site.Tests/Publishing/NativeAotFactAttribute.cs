namespace Handbook.Site.Tests.Publishing;

using Handbook.Testing;

/// <summary>
/// A fact that compiles the tool ahead of time (Native AOT: minutes on two cores). Runs in CI (<c>CI=true</c>) and
/// when <c>HANDBOOK_AOT_TESTS=1</c>; skipped elsewhere with the reason printed, so <c>dotnet test</c> stays quick on a
/// developer's machine while no change reaches main without the published tool being checked.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NativeAotFactAttribute : FactAttribute
{
    public NativeAotFactAttribute()
    {
        if (!SharedCorpus.IsCi && Environment.GetEnvironmentVariable("HANDBOOK_AOT_TESTS") != "1")
        {
            Skip = "compiles the tool ahead of time (minutes): runs in CI (CI=true) or with HANDBOOK_AOT_TESTS=1";
        }
    }
}
