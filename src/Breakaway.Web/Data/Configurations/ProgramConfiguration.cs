using Breakaway.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Breakaway.Web.Data.Configurations;

internal sealed class HomeProgramConfiguration : IEntityTypeConfiguration<HomeProgram>
{
    public void Configure(EntityTypeBuilder<HomeProgram> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(120).IsRequired();
        builder.Property(p => p.Goal).HasMaxLength(500);
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450);
        builder.HasIndex(p => p.CreationKey).IsUnique();
        builder.HasIndex(p => new { p.PatientId, p.ArchivedUtc });
        builder.HasIndex(p => p.IsTemplate);
        builder.HasOne(p => p.Patient).WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Versions).WithOne(v => v.Program).HasForeignKey(v => v.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgramVersionConfiguration : IEntityTypeConfiguration<ProgramVersion>
{
    public void Configure(EntityTypeBuilder<ProgramVersion> builder)
    {
        builder.Property(v => v.CreatedByUserId).HasMaxLength(450);
        builder.Property(v => v.PublishedByUserId).HasMaxLength(450);
        builder.HasIndex(v => new { v.ProgramId, v.Number });
        builder.HasMany(v => v.Exercises).WithOne(e => e.Version).HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(v => v.IsDraft);
        builder.Ignore(v => v.SessionsPerWeek);
    }
}

internal sealed class ProgramExerciseConfiguration : IEntityTypeConfiguration<ProgramExercise>
{
    public void Configure(EntityTypeBuilder<ProgramExercise> builder)
    {
        builder.Property(e => e.Resistance).HasMaxLength(100);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.HasIndex(e => new { e.VersionId, e.Order });
        builder.HasOne(e => e.Exercise).WithMany().HasForeignKey(e => e.ExerciseId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(e => e.Dose);
    }
}

internal sealed class AssignedReadingConfiguration : IEntityTypeConfiguration<AssignedReading>
{
    public void Configure(EntityTypeBuilder<AssignedReading> builder)
    {
        builder.Property(r => r.ArticleSlug).HasMaxLength(80).IsRequired();
        builder.Property(r => r.AssignedByUserId).HasMaxLength(450);
        builder.HasIndex(r => new { r.PatientId, r.ArticleSlug }).IsUnique();
        builder.HasOne(r => r.Patient).WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
