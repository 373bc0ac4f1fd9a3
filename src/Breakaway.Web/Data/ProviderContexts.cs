using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Breakaway.Web.Data;

// One subclass per provider, only so that each keeps its own migrations (EF Core matches migrations to the context
// type): SQLite's in Data/Migrations, PostgreSQL's in Data/Migrations/Postgres. The app asks for BreakawayDbContext.

/// <summary>The model on SQLite (the default).</summary>
public sealed class SqliteBreakawayDbContext(DbContextOptions<SqliteBreakawayDbContext> options) : BreakawayDbContext(options);

/// <summary>The model on PostgreSQL.</summary>
public sealed class PostgresBreakawayDbContext(DbContextOptions<PostgresBreakawayDbContext> options) : BreakawayDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add --context SqliteBreakawayDbContext</c> build the model without the app's host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBreakawayDbContext>
{
    public SqliteBreakawayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBreakawayDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgresBreakawayDbContext</c> build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBreakawayDbContext>
{
    public PostgresBreakawayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBreakawayDbContext>().UseNpgsql("Host=localhost;Database=breakaway").Options);
}
