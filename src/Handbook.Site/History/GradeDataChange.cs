namespace Handbook.Site.History;

/// <summary>A commit that changed <c>data/job-grades.yml</c> (BlobSha null: the file was removed).</summary>
public sealed record GradeDataChange(string CommitSha, DateTimeOffset Date, string Subject, string? BlobSha);
