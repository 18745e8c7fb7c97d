namespace Handbook.JobFamilies.Grades;

/// <summary>How a grade is written on a page.</summary>
public enum GradeMentionForm
{
    /// <summary>A Markdown link: <c>[grade 7](…calculator…)</c>, also in a table row.</summary>
    Link,

    /// <summary>Plain text: "The Manager, Payroll is a grade 8." / "is a job grade 8".</summary>
    Sentence,

    /// <summary>A bold line standing in for a heading: <c>**Grade 7:**</c>.</summary>
    PseudoHeading,

    /// <summary><c>[Grade 7]((/handbook/…)</c>: a link with a doubled parenthesis (kept as text or as a link to "(url)").</summary>
    MalformedLink,
}
