using Breakaway.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Breakaway.Web.Data.Configurations;

internal sealed class SessionLogConfiguration : IEntityTypeConfiguration<SessionLog>
{
    public void Configure(EntityTypeBuilder<SessionLog> builder)
    {
        builder.HasIndex(s => s.IdempotencyKey).IsUnique();
        builder.HasIndex(s => new { s.PatientId, s.Date });
        builder.HasOne(s => s.Patient).WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.ProgramVersion).WithMany().HasForeignKey(s => s.ProgramVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Exercises).WithOne(e => e.SessionLog).HasForeignKey(e => e.SessionLogId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Notes).WithOne().HasForeignKey(n => n.SessionLogId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Note).HasMaxLength(500);
        builder.Property(s => s.Difficulty).HasConversion<string>().HasMaxLength(20);
        builder.ToTable(t => t.HasCheckConstraint("CK_SessionLog_Pain", "\"Pain\" IS NULL OR (\"Pain\" >= 0 AND \"Pain\" <= 10)"));
    }
}

internal sealed class ExerciseLogConfiguration : IEntityTypeConfiguration<ExerciseLog>
{
    public void Configure(EntityTypeBuilder<ExerciseLog> builder)
    {
        builder.ComplexProperty(e => e.Prescribed);
        builder.Property(e => e.StopCueText).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.Property(e => e.Difficulty).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => new { e.ExerciseId, e.SessionLogId });
        // One row per prescribed exercise in a session; the form handler refuses duplicates before they get here.
        builder.HasIndex(e => new { e.SessionLogId, e.ProgramExerciseId }).IsUnique();
        builder.HasOne<Exercise>().WithMany().HasForeignKey(e => e.ExerciseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StopCue>().WithMany().HasForeignKey(e => e.StopCueId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ExerciseLog_Pain", "\"Pain\" IS NULL OR (\"Pain\" >= 0 AND \"Pain\" <= 10)");
            t.HasCheckConstraint("CK_ExerciseLog_Sets", "\"SetsCompleted\" >= 0 AND \"SetsCompleted\" <= 10");
            t.HasCheckConstraint("CK_ExerciseLog_Reps", "\"RepsPerSet\" >= 0 AND \"RepsPerSet\" <= 100");
        });
    }
}

internal sealed class RedFlagConfiguration : IEntityTypeConfiguration<RedFlag>
{
    public void Configure(EntityTypeBuilder<RedFlag> builder)
    {
        builder.Property(f => f.Reasons).HasMaxLength(500).IsRequired();
        builder.Property(f => f.AcknowledgedByUserId).HasMaxLength(450);
        builder.Property(f => f.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.OutcomeNote).HasMaxLength(500);
        builder.HasIndex(f => new { f.PatientId, f.AcknowledgedUtc });
        builder.HasOne(f => f.Patient).WithMany().HasForeignKey(f => f.PatientId).OnDelete(DeleteBehavior.Restrict);
        // Restrict: a session that raised a red flag can never be deleted with it, whatever request asks.
        builder.HasOne(f => f.SessionLog).WithMany().HasForeignKey(f => f.SessionLogId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SessionNoteConfiguration : IEntityTypeConfiguration<SessionNote>
{
    public void Configure(EntityTypeBuilder<SessionNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(500).IsRequired();
        builder.HasIndex(n => n.SessionLogId);
    }
}
