"""A justerat protocol is locked in the database itself.

After justering nothing in the protocol may change (DOMAIN.md; kommunallagen 5 kap.): not the
protocol row, its meeting, attendance, paragraphs, Att-clauses, jäv or justeringar. These
triggers refuse any INSERT, UPDATE or DELETE that touches a justerat protocol, whatever the
path: a form, a crafted POST, the admin or raw SQL. (TRUNCATE, used only by test teardown
and a full database reset, is not a row change and is not blocked.)
"""

from django.db import migrations

LOCK_ERROR = "Protokollet är justerat och kan inte ändras (id %)."

SQL = f"""
CREATE FUNCTION moten_protokoll_ar_justerat(pid bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM moten_protokoll WHERE id = pid AND status = 'justerat')
$$;

CREATE FUNCTION moten_las_protokoll() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'justerat' THEN
        RAISE EXCEPTION '{LOCK_ERROR}', OLD.id USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE FUNCTION moten_las_mote() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE pid bigint;
BEGIN
    SELECT id INTO pid FROM moten_protokoll WHERE mote_id = OLD.id;
    IF pid IS NOT NULL AND moten_protokoll_ar_justerat(pid) THEN
        RAISE EXCEPTION '{LOCK_ERROR}', pid USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

-- Rows with a protokoll_id column: attendance, paragraphs, justeringar.
CREATE FUNCTION moten_las_protokollrad() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND moten_protokoll_ar_justerat(OLD.protokoll_id) THEN
        RAISE EXCEPTION '{LOCK_ERROR}', OLD.protokoll_id USING ERRCODE = 'restrict_violation';
    END IF;
    IF TG_OP <> 'DELETE' AND moten_protokoll_ar_justerat(NEW.protokoll_id) THEN
        RAISE EXCEPTION '{LOCK_ERROR}', NEW.protokoll_id USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

-- Rows of a paragraph: Att-clauses and jäv.
CREATE FUNCTION moten_las_paragrafrad() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE pid bigint;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        SELECT protokoll_id INTO pid FROM moten_paragraf WHERE id = OLD.paragraf_id;
        IF moten_protokoll_ar_justerat(pid) THEN
            RAISE EXCEPTION '{LOCK_ERROR}', pid USING ERRCODE = 'restrict_violation';
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        SELECT protokoll_id INTO pid FROM moten_paragraf WHERE id = NEW.paragraf_id;
        IF moten_protokoll_ar_justerat(pid) THEN
            RAISE EXCEPTION '{LOCK_ERROR}', pid USING ERRCODE = 'restrict_violation';
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER moten_protokoll_las BEFORE UPDATE OR DELETE ON moten_protokoll
    FOR EACH ROW EXECUTE FUNCTION moten_las_protokoll();
CREATE TRIGGER moten_mote_las BEFORE UPDATE OR DELETE ON moten_mote
    FOR EACH ROW EXECUTE FUNCTION moten_las_mote();
CREATE TRIGGER moten_narvaro_las BEFORE INSERT OR UPDATE OR DELETE ON moten_narvaro
    FOR EACH ROW EXECUTE FUNCTION moten_las_protokollrad();
CREATE TRIGGER moten_paragraf_las BEFORE INSERT OR UPDATE OR DELETE ON moten_paragraf
    FOR EACH ROW EXECUTE FUNCTION moten_las_protokollrad();
CREATE TRIGGER moten_justering_las BEFORE INSERT OR UPDATE OR DELETE ON moten_justering
    FOR EACH ROW EXECUTE FUNCTION moten_las_protokollrad();
CREATE TRIGGER moten_attsats_las BEFORE INSERT OR UPDATE OR DELETE ON moten_attsats
    FOR EACH ROW EXECUTE FUNCTION moten_las_paragrafrad();
CREATE TRIGGER moten_jav_las BEFORE INSERT OR UPDATE OR DELETE ON moten_jav
    FOR EACH ROW EXECUTE FUNCTION moten_las_paragrafrad();
"""

REVERSE = """
DROP TRIGGER moten_jav_las ON moten_jav;
DROP TRIGGER moten_attsats_las ON moten_attsats;
DROP TRIGGER moten_justering_las ON moten_justering;
DROP TRIGGER moten_paragraf_las ON moten_paragraf;
DROP TRIGGER moten_narvaro_las ON moten_narvaro;
DROP TRIGGER moten_mote_las ON moten_mote;
DROP TRIGGER moten_protokoll_las ON moten_protokoll;
DROP FUNCTION moten_las_paragrafrad();
DROP FUNCTION moten_las_protokollrad();
DROP FUNCTION moten_las_mote();
DROP FUNCTION moten_las_protokoll();
DROP FUNCTION moten_protokoll_ar_justerat(bigint);
"""


class Migration(migrations.Migration):
    dependencies = [("moten", "0001_initial")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
