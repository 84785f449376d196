"""What is approved stays approved, in the database: an approved statistics period and its
rows, an approved årsrapport, and a payment once attested (by one: what was attested; by two:
everything but "utbetald") are locked by triggers declared on the models (django-pgtrigger,
forbund/las.py). The admin, a form and raw SQL are refused alike, with SQLSTATE 23001."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("insatser", "0005_uppfoljning_narvarande"),
    ]

    operations = [
        pgtrigger.migrations.AddTrigger(
            model_name="arsrapport",
            trigger=pgtrigger.compiler.Trigger(
                name="arsrapport_godkand_las",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.\"status\" = 'godkand')",
                    func="RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = 'Årsrapporten är godkänd av styrelsen och kan inte ändras.';",
                    hash="db655eafab906e1d63563cc95958fbeb0aa055cb",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_arsrapport_godkand_las_452e7",
                    table="insatser_arsrapport",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="period",
            trigger=pgtrigger.compiler.Trigger(
                name="period_godkand_las",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.\"status\" = 'godkand')",
                    func="RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = 'Perioden är godkänd och låst: dess siffror kan inte ändras.';",
                    hash="88e301a421066f4b4f6e6c95c6c47daf27ed9c79",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_period_godkand_las_be177",
                    table="insatser_period",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="statistikrad",
            trigger=pgtrigger.compiler.Trigger(
                name="statistikrad_godkand_las",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="IF TG_OP <> 'INSERT' THEN IF EXISTS (SELECT 1 FROM insatser_period WHERE id = OLD.period_id AND status = 'godkand') THEN RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = 'Perioden är godkänd och låst: dess siffror kan inte ändras.'; END IF; END IF; IF TG_OP <> 'DELETE' THEN IF EXISTS (SELECT 1 FROM insatser_period WHERE id = NEW.period_id AND status = 'godkand') THEN RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = 'Perioden är godkänd och låst: dess siffror kan inte ändras.'; END IF; RETURN NEW; END IF; RETURN OLD;",
                    hash="5764c8c1bc10d4e422e2276f84aa8f94dd7aae2a",
                    operation="INSERT OR UPDATE OR DELETE",
                    pgid="pgtrigger_statistikrad_godkand_las_c7ad9",
                    table="insatser_statistikrad",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="utbetalning",
            trigger=pgtrigger.compiler.Trigger(
                name="utbetalning_attest1_las",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.attest1_av_id IS NOT NULL AND (OLD.belopp, OLD.beviljning_id, OLD.delbetalning_id, OLD.begard_av_id, OLD.begard, OLD.attest1_av_id, OLD.attest1) IS DISTINCT FROM (NEW.belopp, NEW.beviljning_id, NEW.delbetalning_id, NEW.begard_av_id, NEW.begard, NEW.attest1_av_id, NEW.attest1))",
                    func="RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = 'Utbetalningen har en första attest: belopp, beviljning, begäran och den attesten kan inte ändras. Begär en ny utbetalning i stället.';",
                    hash="419810791b1641e7dd093c112308f3f95209a8cd",
                    operation="UPDATE",
                    pgid="pgtrigger_utbetalning_attest1_las_9ad23",
                    table="insatser_utbetalning",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="utbetalning",
            trigger=pgtrigger.compiler.Trigger(
                name="utbetalning_attesterad_las",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.\"status\" IN ('attesterad', 'utbetald'))",
                    func="IF TG_OP = 'DELETE' OR OLD.status = 'utbetald' THEN RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = 'Utbetalningen är attesterad av två och kan inte ändras; en felaktig utbetalning rättas med en ny.'; END IF; IF NEW.status <> 'utbetald' OR (to_jsonb(OLD) - 'status' - 'utbetald') IS DISTINCT FROM (to_jsonb(NEW) - 'status' - 'utbetald') THEN RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = 'Utbetalningen är attesterad av två och kan inte ändras; en felaktig utbetalning rättas med en ny.'; END IF; RETURN NEW;",
                    hash="0f4e0edb8cbacceda76b74ac20f4d29eb3fd3832",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_utbetalning_attesterad_las_a5b77",
                    table="insatser_utbetalning",
                    when="BEFORE",
                ),
            ),
        ),
    ]
