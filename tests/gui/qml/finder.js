// Finds items of a Qt Quick item tree, depth first in the order of their children, by a condition on the
// item; for the tests, which look items up by what the user sees (texts, placeholders) rather than by ids.
.pragma library

function findAll(root, predicate) {
    const found = []
    const visit = item => {
        if (!item)
            return
        if (predicate(item))
            found.push(item)
        const children = item.children || []
        for (let i = 0; i < children.length; ++i)
            visit(children[i])
    }
    visit(root)
    return found
}

function find(root, predicate) {
    const found = findAll(root, predicate)
    return found.length > 0 ? found[0] : null
}

// A control that shows this text (a button, a label).
function byText(root, text) {
    return find(root, item => item.text === text)
}

// A text field with this placeholder.
function byPlaceholder(root, placeholder) {
    return find(root, item => item.placeholderText === placeholder)
}
