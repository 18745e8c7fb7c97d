namespace Handbook.JobFamilies.Model;

/// <summary>What a heading introduces, after normalising the spellings real pages use (REPORT.md §4).</summary>
public enum SectionKind
{
    Other,
    Levels,
    Specialties,
    Responsibilities,
    Requirements,
    NiceToHaves,
    PerformanceIndicators,
    CareerLadder,
    HiringProcess,
    JobGrade,
}
