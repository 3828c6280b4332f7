#pragma once

#include <optional>

#include <QAbstractListModel>
#include <QHash>
#include <QList>

#include "config/config.h"
#include "protocol/json.h"

// Edits the configuration file the headless program reads: one row per key the loader knows
// (ConfigLoader::keys()), in the loader's order. Changes go to a draft, checked after every change by the
// loader's own code (ConfigLoader::fileProblems); save() writes the draft. Only the file is edited: values
// from the environment or --set are neither shown nor written. The file keeps the keys the editor does not
// know, and is written owner-only because it holds the client secret.
class ConfigEditor : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString filePath READ filePath CONSTANT)
    Q_PROPERTY(bool dirty READ isDirty NOTIFY statusChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY statusChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY statusChanged)
    Q_PROPERTY(bool restartRequired READ restartRequired NOTIFY restartRequiredChanged)

public:
    enum Role
    {
        KeyRole = Qt::UserRole + 1,
        GroupRole,        // "Server", "Battles", "Engines" or "Advanced"
        KindRole,         // "text", "integer", "number", "boolean", "optionalBoolean", "list" or "object"
        ValueRole,        // the draft's value as edited (see shownValue), or the default when not set
        DefaultValueRole, // null when the key has no default (unset)
        DescriptionRole,
        ErrorRole,    // what the loader says is wrong with the draft's value, or empty
        ModifiedRole, // the draft differs from the file for this key
        InFileRole,   // the draft sets this key
        SecretRole,   // the value is a secret: show it masked
    };
    Q_ENUM(Role)

    // The file need not exist yet.
    explicit ConfigEditor(const QString &filePath, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filePath() const { return m_filePath; }
    // The draft differs from the file.
    bool isDirty() const;
    // The draft would load, and the file could be read.
    bool isValid() const;
    // The first problem: "maxBattles: must be an integer >= 1", or why the file cannot be read or written.
    QString errorText() const;
    // A save changed the file: the running service still uses the configuration it started with.
    bool restartRequired() const { return m_restartRequired; }

    // Sets a key in the draft from a value as the editor shows it; an empty value unsets keys without a
    // default. False when the key is unknown or the value is invalid (its row's error says why).
    Q_INVOKABLE bool setValue(const QString &key, const QVariant &value);
    // Removes the key from the draft, so the default applies.
    Q_INVOKABLE void resetToDefault(const QString &key);
    // Writes the draft if it is valid: atomically, owner read/write only, 2-space indented, with the keys the
    // draft sets and every unknown key the file has now.
    Q_INVOKABLE bool save();
    // Reads the file again, dropping the draft.
    Q_INVOKABLE void reload();

    static QString kindName(ConfigKey::Kind kind);
    // A file value as the editor shows it: text, a number, a bool, a list as lines, an object as JSON text;
    // a value of the wrong type as its JSON text; null as a null QVariant.
    static QVariant shownValue(ConfigKey::Kind kind, const Json &value);
    // What the file gets for a shown value; nullopt: the key is unset. Text that is not of the key's type is
    // kept as a string, so the loader's check reports it.
    static std::optional<Json> fileValue(const ConfigKey &key, const QVariant &value);

signals:
    void statusChanged();
    void restartRequiredChanged();

private:
    const ConfigKey *findKey(const QString &name) const;
    int rowOf(const QString &name) const;
    bool isModified(const std::string &name) const;
    // Checks the draft; emits dataChanged for the edited row and every row whose error changed.
    void draftChanged(const QString &editedKey);
    void validate();
    Result<Json> readFile() const;

    QString m_filePath;
    const QList<ConfigKey> &m_keys;
    Json m_file = Json::object();  // as read
    Json m_draft = Json::object(); // the file's object with the edits
    QString m_fileError;           // the file cannot be read: nothing is saved over it
    QString m_saveError;
    QList<ConfigProblem> m_problems; // of the draft, in the loader's order
    QHash<QString, QString> m_errors;
    bool m_restartRequired = false;
};
