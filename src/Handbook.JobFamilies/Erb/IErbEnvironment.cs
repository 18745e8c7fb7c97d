namespace Handbook.JobFamilies.Erb;

/// <summary>
/// What ERB expansion may look at. The app implements it from the pages and files it has already read, so the
/// expander itself does no I/O.
/// </summary>
public interface IErbEnvironment
{
    /// <summary>The job families under <c>job-families/&lt;folder&gt;/</c> (folder like <c>sales</c> or <c>engineering/development/backend</c>).</summary>
    IReadOnlyList<FamilyLink> FamiliesIn(string folder);

    /// <summary>The text of an input file (input-relative, '/'-separated path), when it exists.</summary>
    bool TryReadInclude(string inputRelativePath, out string text);
}
