namespace Handbook.Testing;

using Xunit;

/// <summary>
/// A fact that needs the real corpus in <c>../shared/corpus</c>. Skipped with the reason printed when the corpus is
/// absent; when <c>CI=true</c> it runs anyway, so a missing corpus fails in CI instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (SharedCorpus.Folder is null && !SharedCorpus.IsCi)
        {
            Skip = "the real corpus ../shared/corpus is not on this machine";
        }
    }
}

/// <summary>A theory variant of <see cref="CorpusFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (SharedCorpus.Folder is null && !SharedCorpus.IsCi)
        {
            Skip = "the real corpus ../shared/corpus is not on this machine";
        }
    }
}
