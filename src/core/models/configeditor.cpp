#include "models/configeditor.h"

#include <cmath>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "util/ownerfile.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// Integral numbers are written without a fraction, as people write them.
Json numberJson(double number)
{
    if (std::trunc(number) == number && std::abs(number) < 9007199254740992.0)
    {
        return Json(qint64(number));
    }
    return Json(number);
}

bool isNumeric(const QVariant &value)
{
    switch (value.typeId())
    {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

bool isBlank(const QVariant &value)
{
    return !value.isValid() || value.isNull() ||
           (value.typeId() == QMetaType::QString && value.toString().trimmed().isEmpty());
}

Json scalarJson(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
    {
        return value.toBool();
    }
    if (isNumeric(value))
    {
        return numberJson(value.toDouble());
    }
    return toStdString(value.toString());
}

QString prettyJson(const Json &value)
{
    return toQString(value.dump(2, ' ', false, Json::error_handler_t::replace));
}
} // namespace

ConfigEditor::ConfigEditor(const QString &filePath, QObject *parent)
    : QAbstractListModel(parent)
    , m_filePath(filePath)
    , m_keys(ConfigLoader::keys())
{
    reload();
}

int ConfigEditor::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

QVariant ConfigEditor::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    {
        return {};
    }
    const ConfigKey &key = m_keys.at(index.row());
    const std::string name = toStdString(key.name);
    switch (role)
    {
    case Qt::DisplayRole:
    case KeyRole:
        return key.name;
    case GroupRole:
        return key.group;
    case KindRole:
        return kindName(key.kind);
    case ValueRole:
        return shownValue(key.kind, m_draft.contains(name) ? m_draft.at(name) : key.defaultValue);
    case DefaultValueRole:
        return shownValue(key.kind, key.defaultValue);
    case DescriptionRole:
        return key.description;
    case ErrorRole:
        return m_errors.value(key.name);
    case ModifiedRole:
        return isModified(name);
    case InFileRole:
        return m_draft.contains(name);
    case SecretRole:
        return key.secret;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConfigEditor::roleNames() const
{
    return {
        {KeyRole, "key"},
        {GroupRole, "group"},
        {KindRole, "kind"},
        {ValueRole, "value"},
        {DefaultValueRole, "defaultValue"},
        {DescriptionRole, "description"},
        {ErrorRole, "error"},
        {ModifiedRole, "modified"},
        {InFileRole, "inFile"},
        {SecretRole, "secret"},
    };
}

bool ConfigEditor::isDirty() const
{
    return std::any_of(m_keys.cbegin(), m_keys.cend(),
                       [this](const ConfigKey &key) { return isModified(toStdString(key.name)); });
}

bool ConfigEditor::isValid() const
{
    return m_fileError.isEmpty() && m_problems.isEmpty();
}

QString ConfigEditor::errorText() const
{
    if (!m_fileError.isEmpty())
    {
        return m_fileError;
    }
    if (!m_problems.isEmpty())
    {
        const ConfigProblem &first = m_problems.constFirst();
        return first.key.isEmpty() ? first.message : first.key + u": "_s + first.message;
    }
    return m_saveError;
}

bool ConfigEditor::setValue(const QString &key, const QVariant &value)
{
    const ConfigKey *found = findKey(key);
    if (!found)
    {
        return false;
    }
    const std::optional<Json> json = fileValue(*found, value);
    if (json)
    {
        m_draft[toStdString(key)] = *json;
    }
    else
    {
        m_draft.erase(toStdString(key));
    }
    draftChanged(key);
    return !m_errors.contains(key);
}

void ConfigEditor::resetToDefault(const QString &key)
{
    if (findKey(key) && m_draft.erase(toStdString(key)) > 0)
    {
        draftChanged(key);
    }
}

bool ConfigEditor::save()
{
    m_saveError.clear();
    const auto fail = [this](const QString &error)
    {
        m_saveError = error;
        emit statusChanged();
        return false;
    };
    if (!isValid())
    {
        emit statusChanged();
        return false;
    }
    // The file as it is now, so unknown keys someone added since it was read are kept too.
    const Result<Json> current = readFile();
    if (!current)
    {
        return fail(current.error());
    }
    Json written = Json::object();
    for (const auto &[name, value] : current->items())
    {
        if (!findKey(toQString(name)))
        {
            written[name] = value;
        }
        else if (m_draft.contains(name))
        {
            written[name] = m_draft.at(name);
        }
    }
    for (const auto &[name, value] : m_draft.items())
    {
        if (findKey(toQString(name)) && !written.contains(name))
        {
            written[name] = value;
        }
    }

    const QString directory = QFileInfo(m_filePath).absolutePath();
    if (!QDir().mkpath(directory))
    {
        return fail(u"%1: cannot create the directory %2"_s.arg(m_filePath, directory));
    }
    if (const Status saved = writeOwnerOnlyFile(m_filePath, (prettyJson(written) + u'\n').toUtf8()); !saved)
    {
        return fail(u"%1: cannot write the file: %2"_s.arg(m_filePath, saved.error()));
    }

    const bool changed = written != *current;
    m_file = written;
    m_draft = written;
    validate();
    emit dataChanged(index(0), index(rowCount() - 1));
    emit statusChanged();
    if (changed && !m_restartRequired)
    {
        m_restartRequired = true;
        emit restartRequiredChanged();
    }
    return true;
}

void ConfigEditor::reload()
{
    const Result<Json> read = readFile();
    m_fileError = read ? QString() : read.error();
    m_saveError.clear();
    m_file = read ? *read : Json::object();
    m_draft = m_file;
    validate();
    if (rowCount() > 0)
    {
        emit dataChanged(index(0), index(rowCount() - 1));
    }
    emit statusChanged();
}

QString ConfigEditor::kindName(ConfigKey::Kind kind)
{
    switch (kind)
    {
    case ConfigKey::Kind::Text:
        return u"text"_s;
    case ConfigKey::Kind::Integer:
        return u"integer"_s;
    case ConfigKey::Kind::Number:
        return u"number"_s;
    case ConfigKey::Kind::Boolean:
        return u"boolean"_s;
    case ConfigKey::Kind::OptionalBoolean:
        return u"optionalBoolean"_s;
    case ConfigKey::Kind::List:
        return u"list"_s;
    case ConfigKey::Kind::Object:
        return u"object"_s;
    }
    return {};
}

QVariant ConfigEditor::shownValue(ConfigKey::Kind kind, const Json &value)
{
    if (value.is_null())
    {
        return {};
    }
    if (value.is_string())
    {
        return toQString(value.get<std::string>());
    }
    switch (kind)
    {
    case ConfigKey::Kind::Integer:
        if (value.is_number_integer())
        {
            return value.get<qint64>();
        }
        if (value.is_number())
        {
            return value.get<double>();
        }
        break;
    case ConfigKey::Kind::Number:
        if (value.is_number())
        {
            return value.get<double>();
        }
        break;
    case ConfigKey::Kind::Boolean:
    case ConfigKey::Kind::OptionalBoolean:
        if (value.is_boolean())
        {
            return value.get<bool>();
        }
        break;
    case ConfigKey::Kind::List:
        if (value.is_array() &&
            std::all_of(value.cbegin(), value.cend(), [](const Json &item) { return item.is_string(); }))
        {
            QStringList lines;
            for (const Json &item : value)
            {
                lines.append(toQString(item.get<std::string>()));
            }
            return lines.join(u'\n');
        }
        break;
    case ConfigKey::Kind::Object:
        if (value.is_object())
        {
            return prettyJson(value);
        }
        break;
    case ConfigKey::Kind::Text:
        break;
    }
    return toQString(dumpJson(value));
}

std::optional<Json> ConfigEditor::fileValue(const ConfigKey &key, const QVariant &value)
{
    const bool unsettable = key.defaultValue.is_null();
    switch (key.kind)
    {
    case ConfigKey::Kind::Text:
        // Text without a default (adminToken) is unset when cleared: empty would mean something else.
        if (isBlank(value) && unsettable)
        {
            return std::nullopt;
        }
        return toStdString(value.toString());
    case ConfigKey::Kind::Integer:
    case ConfigKey::Kind::Number:
    {
        if (isBlank(value) && unsettable)
        {
            return std::nullopt;
        }
        if (isNumeric(value))
        {
            return numberJson(value.toDouble());
        }
        bool ok = false;
        const double number = value.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(number))
        {
            return numberJson(number);
        }
        return toStdString(value.toString());
    }
    case ConfigKey::Kind::Boolean:
    case ConfigKey::Kind::OptionalBoolean:
        if (isBlank(value) && unsettable)
        {
            return std::nullopt;
        }
        return scalarJson(value);
    case ConfigKey::Kind::List:
    {
        QStringList items;
        if (value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList)
        {
            items = value.toStringList();
        }
        else
        {
            items = value.toString().split(u'\n');
            for (QString &item : items)
            {
                if (item.endsWith(u'\r'))
                {
                    item.chop(1);
                }
            }
            items.removeAll(QString());
        }
        Json array = Json::array();
        for (const QString &item : std::as_const(items))
        {
            array.push_back(toStdString(item));
        }
        return array;
    }
    case ConfigKey::Kind::Object:
    {
        if (value.typeId() == QMetaType::QVariantMap)
        {
            Json object = Json::object();
            const QVariantMap map = value.toMap();
            for (auto it = map.cbegin(); it != map.cend(); ++it)
            {
                object[toStdString(it.key())] = scalarJson(it.value());
            }
            return object;
        }
        if (isBlank(value))
        {
            return Json::object();
        }
        const std::string text = toStdString(value.toString());
        const Json parsed = Json::parse(text, nullptr, false);
        return parsed.is_discarded() ? Json(text) : parsed;
    }
    }
    return std::nullopt;
}

const ConfigKey *ConfigEditor::findKey(const QString &name) const
{
    const int row = rowOf(name);
    return row >= 0 ? &m_keys.at(row) : nullptr;
}

int ConfigEditor::rowOf(const QString &name) const
{
    for (int row = 0; row < int(m_keys.size()); ++row)
    {
        if (m_keys.at(row).name == name)
        {
            return row;
        }
    }
    return -1;
}

bool ConfigEditor::isModified(const std::string &name) const
{
    const bool inDraft = m_draft.contains(name);
    if (inDraft != m_file.contains(name))
    {
        return true;
    }
    return inDraft && m_draft.at(name) != m_file.at(name);
}

void ConfigEditor::draftChanged(const QString &editedKey)
{
    m_saveError.clear();
    const QHash<QString, QString> before = m_errors;
    validate();
    for (int row = 0; row < int(m_keys.size()); ++row)
    {
        const QString &name = m_keys.at(row).name;
        if (name == editedKey)
        {
            emit dataChanged(index(row), index(row), {ValueRole, ErrorRole, ModifiedRole, InFileRole});
        }
        else if (before.value(name) != m_errors.value(name))
        {
            emit dataChanged(index(row), index(row), {ErrorRole});
        }
    }
    emit statusChanged();
}

void ConfigEditor::validate()
{
    m_problems = ConfigLoader::fileProblems(dumpJsonBytes(m_draft));
    m_errors.clear();
    for (const ConfigProblem &problem : std::as_const(m_problems))
    {
        if (!problem.key.isEmpty() && !m_errors.contains(problem.key))
        {
            m_errors.insert(problem.key, problem.message);
        }
    }
}

Result<Json> ConfigEditor::readFile() const
{
    QFile file(m_filePath);
    if (!file.exists())
    {
        return Json::object();
    }
    if (!file.open(QIODevice::ReadOnly))
    {
        return fail(u"%1: cannot read the file: %2"_s.arg(m_filePath, file.errorString()));
    }
    const QByteArray text = file.readAll();
    const Json json = Json::parse(text.begin(), text.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object())
    {
        // The loader's words for what is wrong with it.
        return fail(u"%1: %2"_s.arg(m_filePath, ConfigLoader::fileProblems(text).value(0).message));
    }
    return json;
}
